# Runs a command in a new pseudo-terminal of ROWS x COLS and relays: this script's stdin to the terminal (keys the
# test types, Ctrl-C as \x03 included), the terminal's output to this script's stdout. Exits with the command's exit
# status (128 + N when signal N ended it). Usage: python3 pty_run.py ROWS COLS COMMAND [ARG...]
import errno
import fcntl
import os
import pty
import select
import struct
import sys
import termios

rows, cols, command = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
pid, master = pty.fork()
if pid == 0:
    # The child: its stdin, stdout and stderr are the terminal; size it before the command can ask.
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    os.execvp(command[0], command)

stdin_open = True
while True:
    watched = [master] + ([0] if stdin_open else [])
    ready, _, _ = select.select(watched, [], [])
    if 0 in ready:
        keys = os.read(0, 1024)
        if keys:
            os.write(master, keys)
        else:
            stdin_open = False
    if master in ready:
        try:
            data = os.read(master, 4096)
        except OSError as e:
            if e.errno != errno.EIO:
                raise
            data = b""
        if not data:
            break
        os.write(1, data)

_, status = os.waitpid(pid, 0)
sys.exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))
