# Bash completion for scimctl @VERSION@, generated from its commands by 'scimctl completion bash'.
#
# Load it from ~/.bashrc:      source <(scimctl completion bash)
# or install it once:          scimctl completion bash > ~/.local/share/bash-completion/completions/scimctl
#
# It completes subcommands, options, option values (fixed choices, file names, profile names) and
# arguments. Profile names come from 'scimctl config list' when they are asked for.
@TABLES@
# The saved profiles' names, into __r. A TAB must be quick, so read them straight from config.json as scimctl
# writes it (each profile a '    "NAME" : {' line inside '  "profiles" : {'), in bash alone; only a file edited
# into another layout costs a 'scimctl config list'. Only names a profile can have are kept: compgen -W expands
# its words, so a name such as "$(…)" written in by hand would run.
__scimctl_profiles() {
  local file="${SCIMCTL_CONFIG_DIR:-${XDG_CONFIG_HOME:-$HOME/.config}/scimctl}/config.json" cmd line name
  local layout=0 inside=0 valid='^[A-Za-z0-9][A-Za-z0-9._-]*$'
  __r=''
  [ -f "$file" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      '  "profiles" : {'*) layout=1; inside=1 ;;
      '  }'*) inside=0 ;;
      '    "'*'" : {'*)
        if [ "$inside" = 1 ]; then
          name="${line#    \"}"
          name="${name%%\"*}"
          [[ $name =~ $valid ]] && __r="$__r $name"
        fi ;;
    esac
  done < "$file"
  if [ "$layout" = 0 ]; then
    cmd="${COMP_WORDS[0]}"
    cmd="${cmd/#\~/$HOME}"
    while IFS= read -r name; do
      [[ $name =~ $valid ]] && __r="$__r $name"
    done < <(command "$cmd" config list 2>/dev/null | cut -f2)
  fi
}

# Adds the completions of one value kind (none, text, file, profile, or "choice A B C") for the word $2.
__scimctl_values() {
  local kind="$1" cur="$2" IFS=$'\n'
  case "$kind" in
    file)
      type compopt >/dev/null 2>&1 && compopt -o filenames 2>/dev/null
      COMPREPLY+=( $(compgen -f -- "$cur") ) ;;
    profile)
      __scimctl_profiles
      IFS=$' \t\n'
      COMPREPLY+=( $(compgen -W "$__r" -- "$cur") ) ;;
    choice\ *)
      IFS=$' \t\n'
      COMPREPLY+=( $(compgen -W "${kind#choice }" -- "$cur") ) ;;
  esac
}

_scimctl() {
  # zsh runs this through bashcompinit: make its arrays start at 0 as bash's do.
  [ -n "${ZSH_VERSION-}" ] && setopt localoptions ksharrays
  # The lookups answer in __r rather than on stdout: a $(…) per word would fork a subshell each time.
  local cur="${COMP_WORDS[COMP_CWORD]}" cmd_path='' word pending='' npos=0 i=1 options_done=0 __r=
  COMPREPLY=()
  # bash splits "--opt=" at '=': the word to complete is then the empty one after it.
  [ "$cur" = '=' ] && cur=''
  # Walk the words before the cursor: follow subcommands, skip option values, count arguments.
  while [ "$i" -lt "$COMP_CWORD" ]; do
    word="${COMP_WORDS[i]}"
    if [ "$options_done" = 1 ]; then
      npos=$((npos + 1))
    elif [ "$word" = '--' ]; then
      options_done=1
    elif [[ "$word" == -?* ]]; then
      if [ "${COMP_WORDS[i+1]}" = '=' ]; then
        # bash splits --opt=value at '=': skip the '=' and the value.
        pending="$word"
        i=$((i + 2))
      elif [[ "$word" != *=* ]]; then
        __scimctl_option_value "$cmd_path" "$word"
        if [ "$__r" != none ]; then
          pending="$word"
          i=$((i + 1))
        fi
      fi
    else
      __r=''
      [ "$npos" = 0 ] && __scimctl_subcommands "$cmd_path"
      if [[ " $__r " == *" $word "* ]]; then
        cmd_path="${cmd_path:+$cmd_path }$word"
      else
        npos=$((npos + 1))
      fi
    fi
    i=$((i + 1))
  done

  # The cursor is on an option's value ("--opt VALUE", "--opt=VALUE").
  if [ "$i" -gt "$COMP_CWORD" ]; then
    __scimctl_option_value "$cmd_path" "$pending"
    __scimctl_values "$__r" "$cur"
    return 0
  fi

  # "--opt=VALUE" as one word (zsh, or a bash without '=' in COMP_WORDBREAKS): complete VALUE, keep "--opt=".
  if [[ "$cur" == -?*=* ]] && [ "$options_done" = 0 ]; then
    local opt="${cur%%=*}" item reply=()
    __scimctl_option_value "$cmd_path" "$opt"
    __scimctl_values "$__r" "${cur#*=}"
    for item in "${COMPREPLY[@]}"; do
      reply+=("$opt=$item")
    done
    COMPREPLY=("${reply[@]}")
    return 0
  fi
  if [[ "$cur" == -* ]] && [ "$options_done" = 0 ]; then
    __scimctl_options "$cmd_path"
    COMPREPLY=( $(compgen -W "$__r" -- "$cur") )
    return 0
  fi
  if [ "$npos" = 0 ]; then
    __r=''
    __scimctl_subcommands "$cmd_path"
    [ -n "$__r" ] && COMPREPLY=( $(compgen -W "$__r" -- "$cur") )
  fi
  __scimctl_positional "$cmd_path" "$npos"
  __scimctl_values "$__r" "$cur"
  return 0
}

complete -F _scimctl scimctl
