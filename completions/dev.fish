# fish completion for dev. Generated from dev's command model (`dev completion fish`
# prints it): edit the Java sources, not this file.
#
# Install: copy it to ~/.config/fish/completions/dev.fish (fish loads it on first use).
#
# SERVICE arguments complete to the services of the dev.toml that dev would use (-f, -C and
# the working directory are honoured); that file is read with awk, without starting dev.

# The dev.toml dev would use for the words typed so far: -f FILE (relative to -C DIR), else the
# nearest dev.toml walking up from -C DIR or the working directory.
function __dev_config_file
    set -l dir ''
    set -l file ''
    set -l tokens (commandline -opc)
    set -l i 2
    while test $i -le (count $tokens)
        set -l word $tokens[$i]
        switch $word
            case -C -f --file
                set i (math $i + 1)
                if test $word = -C
                    set dir $tokens[$i]
                else
                    set file $tokens[$i]
                end
            case '--file=*'
                set file (string replace -- --file= '' $word)
            case '-C*'
                set dir (string replace -r -- '^-C=?' '' $word)
            case '-f*'
                set file (string replace -r -- '^-f=?' '' $word)
        end
        set i (math $i + 1)
    end
    set dir (string replace -r -- '^~/' "$HOME/" "$dir")
    set file (string replace -r -- '^~/' "$HOME/" "$file")
    string match -q -- '/*' "$dir"; or set dir "$PWD/$dir"
    if test -n "$file"
        string match -q -- '/*' "$file"; or set file "$dir/$file"
        test -f "$file"; and echo $file
        return
    end
    set dir (string replace -r -- '/+$' '' "$dir")
    while true
        if test -f "$dir/dev.toml"
            echo "$dir/dev.toml"
            return 0
        end
        test -n "$dir"; or return 1
        set dir (string replace -r -- '/[^/]*$' '' "$dir")
    end
end

# The service names of that dev.toml, one a line (read with awk: no JVM per TAB).
function __dev_service_names
    set -l file (__dev_config_file); or return 0
    awk 'BEGIN { top = 1; dq = sprintf("%c", 34); sq = sprintf("%c", 39) }
        { line = $0; sub(/^[[:blank:]]+/, "", line) }
        line ~ /^[[]/ {
            top = 0
            in_services = line ~ /^[[][[:blank:]]*services[[:blank:]]*[]][[:blank:]]*(#.*)?$/
            if (match(line, /^[[][[:blank:]]*services[[:blank:]]*[.][[:blank:]]*/)) key(substr(line, RLENGTH + 1))
            next
        }
        in_services { key(line); next }
        top && match(line, /^services[[:blank:]]*[.][[:blank:]]*/) { key(substr(line, RLENGTH + 1)) }
        function key(rest,    name, q) {
            q = substr(rest, 1, 1)
            if (q == dq || q == sq) {
                rest = substr(rest, 2)
                if (!index(rest, q)) return
                name = substr(rest, 1, index(rest, q) - 1)
                rest = substr(rest, index(rest, q) + 1)
            } else if (match(rest, /^[A-Za-z0-9_-]+/)) {
                name = substr(rest, 1, RLENGTH)
                rest = substr(rest, RLENGTH + 1)
            }
            if (name !~ /^[A-Za-z0-9][A-Za-z0-9_-]*$/ || rest !~ /^[[:blank:]]*[].=]/) return
            if (!(name in seen)) { seen[name] = 1; print name }
        }' $file 2>/dev/null
end

# The words typed so far that are neither options nor option values: the command path, then
# its arguments.
function __dev_words
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l skip 0
    set -l seen
    for t in $tokens
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $t
            case --color --file --grep --since --stream --timeout -C -n
                set skip 1
            case -f
                if not contains -- logs $seen
                    set skip 1
                end
            case '-*'
            case '*'
                set -a seen $t
                echo $t
        end
    end
end

# The command path typed so far: '' for dev itself, then e.g. 'start'.
function __dev_path
    set -l path ''
    for w in (__dev_words)
        if contains -- "$path $w" ' start' ' stop' ' restart' ' status' ' logs' ' check' ' env' ' init' ' completion'
            set path "$path $w"
        else
            break
        end
    end
    string trim -- "$path"
end

# True when the cursor is in the command at path $argv[1], before its $argv[2]-th argument (if given).
function __dev_in --argument-names path max
    test (__dev_path) = "$path"; or return 1
    test -z "$max"; and return 0
    set -l words (__dev_words)
    set -l depth (count (string split -n ' ' -- $path))
    test (math (count $words) - $depth) -lt $max
end

# Files only where an option asks for one.
complete -c dev -f

# dev
complete -c dev -n "__dev_in '' 1" -a 'start' -d 'Start the named services plus their dependencies'
complete -c dev -n "__dev_in '' 1" -a 'stop' -d 'Stop the running stack, from any shell'
complete -c dev -n "__dev_in '' 1" -a 'restart' -d 'Stop then start the named services and what depends on them, in order, leaving the rest alone'
complete -c dev -n "__dev_in '' 1" -a 'status' -d 'Show each service\'s state, health, pid, port/URL, uptime, restarts and last failure'
complete -c dev -n "__dev_in '' 1" -a 'logs' -d 'Print services\' logs from .dev/logs: the last lines of each, merged in time order with service-name prefixes; -f keeps following'
complete -c dev -n "__dev_in '' 1" -a 'check' -d 'Validate dev.toml and print the start plan: levels, ports, health checks, resolved commands'
complete -c dev -n "__dev_in '' 1" -a 'env' -d 'Print the effective environment of a service and where each value came from'
complete -c dev -n "__dev_in '' 1" -a 'init' -d 'Write a starter dev.toml by detecting the project in the working directory'
complete -c dev -n "__dev_in '' 1" -a 'completion' -d 'Print the completion script for SHELL: the same text as the files in completions/'
complete -c dev -n "__dev_in ''" -s C -x -a '(__fish_complete_directories)' -d 'Run as if dev was started in DIR'
complete -c dev -n "__dev_in ''" -s f -l file -r -F -d 'Config file'
complete -c dev -n "__dev_in ''" -l color -x -a 'auto always never' -d 'Colour output: auto, always, never'
complete -c dev -n "__dev_in ''" -l no-color -d 'Same as --color=never'
complete -c dev -n "__dev_in ''" -l verbose -d 'Show stack traces and debug detail'
complete -c dev -n "__dev_in ''" -s h -l help -d 'Show this help message and exit'
complete -c dev -n "__dev_in ''" -s V -l version -d 'Print version information and exit'

# dev start
complete -c dev -n "__dev_in 'start'" -s f -l file -r -F -d 'Config file'
complete -c dev -n "__dev_in 'start'" -l no-deps -d 'Start only the named services, not their dependencies'
complete -c dev -n "__dev_in 'start'" -l abort-on-failure -d 'Stop everything and exit 1 as soon as a required service fails'
complete -c dev -n "__dev_in 'start'" -s d -l detach -d 'Run the stack in the background and return once it is starting'
complete -c dev -n "__dev_in 'start'" -l wait -d 'Return when every started non-optional service is healthy or completed; exit 1 with the failure report if one fails'
complete -c dev -n "__dev_in 'start'" -l timeout -x -d 'With --wait: give up after DUR, leaving the stack running'
complete -c dev -n "__dev_in 'start'" -s h -l help -d 'Show this help message and exit'
complete -c dev -n "__dev_in 'start'" -s V -l version -d 'Print version information and exit'
complete -c dev -n "__dev_in 'start'" -s C -x -a '(__fish_complete_directories)' -d 'Run as if dev was started in DIR'
complete -c dev -n "__dev_in 'start'" -l color -x -a 'auto always never' -d 'Colour output: auto, always, never'
complete -c dev -n "__dev_in 'start'" -l no-color -d 'Same as --color=never'
complete -c dev -n "__dev_in 'start'" -l verbose -d 'Show stack traces and debug detail'
complete -c dev -n "__dev_in 'start'" -a '(__dev_service_names)' -d 'Services to start'

# dev stop
complete -c dev -n "__dev_in 'stop'" -s f -l file -r -F -d 'Config file'
complete -c dev -n "__dev_in 'stop'" -l timeout -x -d 'Grace period before SIGKILL, for every service'
complete -c dev -n "__dev_in 'stop'" -l force -d 'Skip the grace period: SIGKILL at once'
complete -c dev -n "__dev_in 'stop'" -s h -l help -d 'Show this help message and exit'
complete -c dev -n "__dev_in 'stop'" -s V -l version -d 'Print version information and exit'
complete -c dev -n "__dev_in 'stop'" -s C -x -a '(__fish_complete_directories)' -d 'Run as if dev was started in DIR'
complete -c dev -n "__dev_in 'stop'" -l color -x -a 'auto always never' -d 'Colour output: auto, always, never'
complete -c dev -n "__dev_in 'stop'" -l no-color -d 'Same as --color=never'
complete -c dev -n "__dev_in 'stop'" -l verbose -d 'Show stack traces and debug detail'
complete -c dev -n "__dev_in 'stop'" -a '(__dev_service_names)' -d 'Services to stop'

# dev restart
complete -c dev -n "__dev_in 'restart'" -s f -l file -r -F -d 'Config file'
complete -c dev -n "__dev_in 'restart'" -s h -l help -d 'Show this help message and exit'
complete -c dev -n "__dev_in 'restart'" -s V -l version -d 'Print version information and exit'
complete -c dev -n "__dev_in 'restart'" -s C -x -a '(__fish_complete_directories)' -d 'Run as if dev was started in DIR'
complete -c dev -n "__dev_in 'restart'" -l color -x -a 'auto always never' -d 'Colour output: auto, always, never'
complete -c dev -n "__dev_in 'restart'" -l no-color -d 'Same as --color=never'
complete -c dev -n "__dev_in 'restart'" -l verbose -d 'Show stack traces and debug detail'
complete -c dev -n "__dev_in 'restart'" -a '(__dev_service_names)' -d 'Services to restart'

# dev status
complete -c dev -n "__dev_in 'status'" -s f -l file -r -F -d 'Config file'
complete -c dev -n "__dev_in 'status'" -l json -d 'Machine-readable output'
complete -c dev -n "__dev_in 'status'" -s q -l quiet -d 'Print nothing; the exit code tells'
complete -c dev -n "__dev_in 'status'" -s w -l watch -d 'Follow every change: on a terminal a live status; elsewhere the table, then one line per state change'
complete -c dev -n "__dev_in 'status'" -s h -l help -d 'Show this help message and exit'
complete -c dev -n "__dev_in 'status'" -s V -l version -d 'Print version information and exit'
complete -c dev -n "__dev_in 'status'" -s C -x -a '(__fish_complete_directories)' -d 'Run as if dev was started in DIR'
complete -c dev -n "__dev_in 'status'" -l color -x -a 'auto always never' -d 'Colour output: auto, always, never'
complete -c dev -n "__dev_in 'status'" -l no-color -d 'Same as --color=never'
complete -c dev -n "__dev_in 'status'" -l verbose -d 'Show stack traces and debug detail'
complete -c dev -n "__dev_in 'status'" -a '(__dev_service_names)' -d 'Only these services'

# dev logs
complete -c dev -n "__dev_in 'logs'" -s n -x -d 'Last N lines per service'
complete -c dev -n "__dev_in 'logs'" -s f -l follow -d 'Keep printing new lines as they are written'
complete -c dev -n "__dev_in 'logs'" -l since -x -d 'Only lines since 10m, 2h, or an ISO date-time'
complete -c dev -n "__dev_in 'logs'" -l timestamps -d 'Show each line\'s timestamp'
complete -c dev -n "__dev_in 'logs'" -l grep -x -d 'Only lines matching REGEX'
complete -c dev -n "__dev_in 'logs'" -l stream -x -d 'Only stdout or stderr lines'
complete -c dev -n "__dev_in 'logs'" -l no-prefix -d 'No service-name prefixes'
complete -c dev -n "__dev_in 'logs'" -l file -r -F -d 'Config file'
complete -c dev -n "__dev_in 'logs'" -s h -l help -d 'Show this help message and exit'
complete -c dev -n "__dev_in 'logs'" -s V -l version -d 'Print version information and exit'
complete -c dev -n "__dev_in 'logs'" -s C -x -a '(__fish_complete_directories)' -d 'Run as if dev was started in DIR'
complete -c dev -n "__dev_in 'logs'" -l color -x -a 'auto always never' -d 'Colour output: auto, always, never'
complete -c dev -n "__dev_in 'logs'" -l no-color -d 'Same as --color=never'
complete -c dev -n "__dev_in 'logs'" -l verbose -d 'Show stack traces and debug detail'
complete -c dev -n "__dev_in 'logs'" -a '(__dev_service_names)' -d 'Services to show'

# dev check
complete -c dev -n "__dev_in 'check'" -s f -l file -r -F -d 'Config file'
complete -c dev -n "__dev_in 'check'" -l json -d 'Print the plan as JSON'
complete -c dev -n "__dev_in 'check'" -s h -l help -d 'Show this help message and exit'
complete -c dev -n "__dev_in 'check'" -s V -l version -d 'Print version information and exit'
complete -c dev -n "__dev_in 'check'" -s C -x -a '(__fish_complete_directories)' -d 'Run as if dev was started in DIR'
complete -c dev -n "__dev_in 'check'" -l color -x -a 'auto always never' -d 'Colour output: auto, always, never'
complete -c dev -n "__dev_in 'check'" -l no-color -d 'Same as --color=never'
complete -c dev -n "__dev_in 'check'" -l verbose -d 'Show stack traces and debug detail'

# dev env
complete -c dev -n "__dev_in 'env'" -s f -l file -r -F -d 'Config file'
complete -c dev -n "__dev_in 'env'" -l show-secrets -d 'Print secret values instead of masking them'
complete -c dev -n "__dev_in 'env'" -s a -l all -d 'Also list variables inherited unchanged from your environment'
complete -c dev -n "__dev_in 'env'" -s h -l help -d 'Show this help message and exit'
complete -c dev -n "__dev_in 'env'" -s V -l version -d 'Print version information and exit'
complete -c dev -n "__dev_in 'env'" -s C -x -a '(__fish_complete_directories)' -d 'Run as if dev was started in DIR'
complete -c dev -n "__dev_in 'env'" -l color -x -a 'auto always never' -d 'Colour output: auto, always, never'
complete -c dev -n "__dev_in 'env'" -l no-color -d 'Same as --color=never'
complete -c dev -n "__dev_in 'env'" -l verbose -d 'Show stack traces and debug detail'
complete -c dev -n "__dev_in 'env' 1" -a '(__dev_service_names)' -d 'The service'

# dev init
complete -c dev -n "__dev_in 'init'" -s f -l file -r -F -d 'Config file'
complete -c dev -n "__dev_in 'init'" -l force -d 'If dev.toml exists, write dev.toml.new beside it instead of failing'
complete -c dev -n "__dev_in 'init'" -s h -l help -d 'Show this help message and exit'
complete -c dev -n "__dev_in 'init'" -s V -l version -d 'Print version information and exit'
complete -c dev -n "__dev_in 'init'" -s C -x -a '(__fish_complete_directories)' -d 'Run as if dev was started in DIR'
complete -c dev -n "__dev_in 'init'" -l color -x -a 'auto always never' -d 'Colour output: auto, always, never'
complete -c dev -n "__dev_in 'init'" -l no-color -d 'Same as --color=never'
complete -c dev -n "__dev_in 'init'" -l verbose -d 'Show stack traces and debug detail'

# dev completion
complete -c dev -n "__dev_in 'completion'" -s h -l help -d 'Show this help message and exit'
complete -c dev -n "__dev_in 'completion'" -s V -l version -d 'Print version information and exit'
complete -c dev -n "__dev_in 'completion'" -s C -x -a '(__fish_complete_directories)' -d 'Run as if dev was started in DIR'
complete -c dev -n "__dev_in 'completion'" -l color -x -a 'auto always never' -d 'Colour output: auto, always, never'
complete -c dev -n "__dev_in 'completion'" -l no-color -d 'Same as --color=never'
complete -c dev -n "__dev_in 'completion'" -l verbose -d 'Show stack traces and debug detail'
complete -c dev -n "__dev_in 'completion' 1" -a 'bash zsh fish' -d 'The shell: bash, zsh, fish'
