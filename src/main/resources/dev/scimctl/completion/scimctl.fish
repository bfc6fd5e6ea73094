# fish completion for scimctl @VERSION@, generated from its commands by 'scimctl completion fish'.
#
# Install it once:   scimctl completion fish > ~/.config/fish/completions/scimctl.fish
#
# It completes subcommands, options, option values (fixed choices, file names, profile names) and
# arguments. Profile names come from 'scimctl config list' when they are asked for.
@TABLES@
# Prints "p:PATH" (the subcommands typed so far, "" at the root) and the number of arguments after them.
function __scimctl_state
    set -l words (commandline -opc)
    set -e words[1]
    set -l path ''
    set -l npos 0
    set -l skip 0
    set -l options_done 0
    for w in $words
        if test $skip = 1
            set skip 0
        else if test $options_done = 1
            set npos (math $npos + 1)
        else if test "$w" = --
            set options_done 1
        else if string match -q -- '-?*' $w
            if not string match -q -- '*=*' $w; and test (__scimctl_option_value "$path" $w) != none
                set skip 1
            end
        else if test $npos = 0; and contains -- $w (__scimctl_subcommands "$path")
            set path (string trim -- "$path $w")
        else
            set npos (math $npos + 1)
        end
    end
    echo "p:$path"
    echo $npos
end

# True when the subcommands typed so far are exactly $argv[1].
function __scimctl_at
    set -l s (__scimctl_state)
    test "$s[1]" = "p:$argv[1]"
end

# True at command path $argv[1], on an argument whose index (from 0) lies in $argv[2]..$argv[3].
function __scimctl_arg
    set -l s (__scimctl_state)
    test "$s[1]" = "p:$argv[1]"; and test $s[2] -ge $argv[2]; and test $s[2] -le $argv[3]
end

# The saved profiles' names. A TAB must be quick, so read them straight from config.json as scimctl writes
# it (each profile a '    "NAME" : {' line); only a file edited into another layout costs a 'scimctl config list'.
function __scimctl_profiles
    set -l dir $SCIMCTL_CONFIG_DIR
    if test -z "$dir"
        if test -n "$XDG_CONFIG_HOME"
            set dir $XDG_CONFIG_HOME/scimctl
        else
            set dir ~/.config/scimctl
        end
    end
    test -f $dir/config.json; or return 0
    if grep -q '^  "profiles" : {' $dir/config.json 2>/dev/null
        sed -n 's/^    "\([A-Za-z0-9][A-Za-z0-9._-]*\)" : {.*/\1/p' $dir/config.json
    else
        set -l cmd (commandline -opc)[1]
        command $cmd config list 2>/dev/null | cut -f2
    end
end

# No file names unless an option or argument takes a file.
complete -c scimctl -f
