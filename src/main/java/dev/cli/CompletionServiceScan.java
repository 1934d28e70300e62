package dev.cli;

/**
 * The shell side of SERVICE completion: find the dev.toml dev itself would use (-f FILE relative
 * to -C DIR, else the nearest dev.toml walking up from -C DIR or the working directory) and list
 * its service names with one awk program. Starting a JVM on every TAB would take a noticeable
 * fraction of a second, so the scripts never call dev for this.
 */
final class CompletionServiceScan {
    /**
     * Prints the names of {@code [services.NAME]} tables (bare, "double" or 'single' quoted, with
     * or without sub-tables), of keys inside a {@code [services]} table, and of top-level dotted
     * {@code services.NAME.key} lines, each once, in file order. POSIX awk (mawk, gawk, BSD awk);
     * written without backslashes or single quotes so that it sits verbatim inside a single-quoted
     * argument in bash, zsh and fish alike.
     */
    static final String AWK = """
            BEGIN { top = 1; dq = sprintf("%c", 34); sq = sprintf("%c", 39) }
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
            }
            """;

    private CompletionServiceScan() {
    }

    /** The awk program as one single-quoted shell word, indented to sit under {@code awk}. */
    static String quotedProgram(String indent) {
        if (AWK.contains("'") || AWK.contains("\\")) {
            throw new IllegalStateException("the awk program must stay free of quotes and backslashes");
        }
        return "'" + AWK.strip().replace("\n", "\n" + indent) + "'";
    }

    static String bash() {
        return """
                # The dev.toml dev would use for the words typed so far: -f FILE (relative to -C DIR), else the
                # nearest dev.toml walking up from -C DIR or the working directory.
                function _dev_config_file() {
                  local dir='' file='' word value i=1
                  while (( i < COMP_CWORD )); do
                    word=${COMP_WORDS[i]}
                    case $word in
                      -C|-f|--file)
                        value=${COMP_WORDS[i+1]-}
                        if [[ $value == = ]]; then # bash splits --file=x at the =
                          (( i++ ))
                          value=${COMP_WORDS[i+1]-}
                        fi
                        (( i++ ))
                        if [[ $word == -C ]]; then dir=$value; else file=$value; fi
                        ;;
                      -C?*) dir=${word#-C} ;;
                      -f?*) file=${word#-f} ;;
                    esac
                    (( i++ ))
                  done
                  [[ $dir == '~/'* ]] && dir=$HOME/${dir#'~/'}
                  [[ $file == '~/'* ]] && file=$HOME/${file#'~/'}
                  [[ $dir == /* ]] || dir=$PWD/$dir
                  if [[ -n $file ]]; then
                    [[ $file == /* ]] || file=$dir/$file
                    [[ -f $file ]] && printf '%s\\n' "$file"
                    return
                  fi
                  dir=${dir%/}
                  while :; do
                    if [[ -f $dir/dev.toml ]]; then
                      printf '%s\\n' "$dir/dev.toml"
                      return 0
                    fi
                    [[ -n $dir ]] || return 1
                    dir=${dir%/*}
                  done
                }

                # The service names of that dev.toml, one a line (read with awk: no JVM per TAB).
                function _dev_service_names() {
                  local file
                  file=$(_dev_config_file) || return 0
                  awk PROGRAM "$file" 2>/dev/null
                }
                """.replace("PROGRAM", quotedProgram("      "));
    }

    static String zsh() {
        return """
                # The dev.toml dev would use for the words typed so far (_dev_words, set by _dev): -f FILE
                # (relative to -C DIR), else the nearest dev.toml walking up from -C DIR or the working directory.
                _dev_config_file() {
                  local dir= file= word
                  integer i=2
                  while (( i <= ${#_dev_words} )); do
                    word=${_dev_words[i]}
                    case $word in
                      (-C|-f|--file)
                        (( i++ ))
                        if [[ $word == -C ]]; then dir=${(Q)_dev_words[i]}; else file=${(Q)_dev_words[i]}; fi
                        ;;
                      (--file=*) file=${(Q)word#--file=} ;;
                      (-C?*) dir=${(Q)${word#-C}#=} ;;
                      (-f?*) file=${(Q)${word#-f}#=} ;;
                    esac
                    (( i++ ))
                  done
                  [[ $dir == '~/'* ]] && dir=$HOME/${dir#'~/'}
                  [[ $file == '~/'* ]] && file=$HOME/${file#'~/'}
                  [[ $dir == /* ]] || dir=$PWD/$dir
                  if [[ -n $file ]]; then
                    [[ $file == /* ]] || file=$dir/$file
                    [[ -f $file ]] && print -r -- $file
                    return
                  fi
                  dir=${dir%/}
                  while true; do
                    if [[ -f $dir/dev.toml ]]; then
                      print -r -- $dir/dev.toml
                      return 0
                    fi
                    [[ -n $dir ]] || return 1
                    dir=${dir%/*}
                  done
                }

                # The service names of that dev.toml, one a line (read with awk: no JVM per TAB).
                _dev_service_names() {
                  local file
                  file=$(_dev_config_file) || return 0
                  awk PROGRAM $file 2>/dev/null
                }

                _dev_services() {
                  local expl
                  local -a names
                  names=(${(f)"$(_dev_service_names)"})
                  _wanted services expl service compadd -a names
                }
                """.replace("PROGRAM", quotedProgram("      "));
    }

    static String fish() {
        return """
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
                    awk PROGRAM $file 2>/dev/null
                end
                """.replace("PROGRAM", quotedProgram("        "));
    }
}
