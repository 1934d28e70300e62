#!/usr/bin/env bash
# bash completion for dev. Generated from dev's command model (`dev completion bash`
# prints it): edit the Java sources, not this file.
#
# Install: source it from ~/.bashrc, e.g.
#   source /path/to/completions/dev.bash
# or put it where bash-completion loads it on demand, under the command's name:
#   ~/.local/share/bash-completion/completions/dev
#
# SERVICE arguments complete to the services of the dev.toml that dev would use (-f, -C and
# the working directory are honoured); that file is read with awk, without starting dev.

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
    [[ -f $file ]] && printf '%s\n' "$file"
    return
  fi
  dir=${dir%/}
  while :; do
    if [[ -f $dir/dev.toml ]]; then
      printf '%s\n' "$dir/dev.toml"
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
      }' "$file" 2>/dev/null
}

if [ -n "$BASH_VERSION" ]; then
  # Enable programmable completion facilities when using bash (see [3])
  shopt -s progcomp
elif [ -n "$ZSH_VERSION" ]; then
  # Make alias a distinct command for completion purposes when using zsh (see [4])
  setopt COMPLETE_ALIASES
  alias compopt=complete

  # Enable bash completion in zsh (see [7])
  # Only initialize completions module once to avoid unregistering existing completions.
  if ! type compdef > /dev/null; then
    autoload -U +X compinit && compinit
  fi
  autoload -U +X bashcompinit && bashcompinit
fi

# CompWordsContainsArray takes an array and then checks
# if all elements of this array are in the global COMP_WORDS array.
#
# Returns zero (no error) if all elements of the array are in the COMP_WORDS array,
# otherwise returns 1 (error).
function CompWordsContainsArray() {
  declare -a localArray
  localArray=("$@")
  local findme
  for findme in "${localArray[@]}"; do
    if ElementNotInCompWords "$findme"; then return 1; fi
  done
  return 0
}
function ElementNotInCompWords() {
  local findme="$1"
  local element
  for element in "${COMP_WORDS[@]}"; do
    if [[ "$findme" = "$element" ]]; then return 1; fi
  done
  return 0
}

# The `currentPositionalIndex` function calculates the index of the current positional parameter.
#
# currentPositionalIndex takes three parameters:
# the command name,
# a space-separated string with the names of options that take a parameter, and
# a space-separated string with the names of boolean options (that don't take any params).
# When done, this function echos the current positional index to std_out.
#
# Example usage:
# local currIndex=$(currentPositionalIndex "mysubcommand" "$ARG_OPTS" "$FLAG_OPTS")
function currentPositionalIndex() {
  local commandName="$1"
  local optionsWithArgs="$2"
  local booleanOptions="$3"
  local previousWord
  local result=0

  for i in $(seq $((COMP_CWORD - 1)) -1 0); do
    previousWord=${COMP_WORDS[i]}
    if [ "${previousWord}" = "$commandName" ]; then
      break
    fi
    if [[ "${optionsWithArgs}" =~ ${previousWord} ]]; then
      ((result-=2)) # Arg option and its value not counted as positional param
    elif [[ "${booleanOptions}" =~ ${previousWord} ]]; then
      ((result-=1)) # Flag option itself not counted as positional param
    fi
    ((result++))
  done
  echo "$result"
}

# compReplyArray generates a list of completion suggestions based on an array, ensuring all values are properly escaped.
#
# compReplyArray takes a single parameter: the array of options to be displayed
#
# The output is echoed to std_out, one option per line.
#
# Example usage:
# local options=("foo", "bar", "baz")
# local IFS=$'\n'
# COMPREPLY=($(compReplyArray "${options[@]}"))
function compReplyArray() {
  declare -a options
  options=("$@")
  local curr_word=${COMP_WORDS[COMP_CWORD]}
  local i
  local quoted
  local optionList=()

  for (( i=0; i<${#options[@]}; i++ )); do
    # Double escape, since we want escaped values, but compgen -W expands the argument
    printf -v quoted %q "${options[i]}"
    quoted=\'${quoted//\'/\'\\\'\'}\'

    optionList[i]=$quoted
  done

  # We also have to add another round of escaping to $curr_word.
  curr_word=${curr_word//\\/\\\\}
  curr_word=${curr_word//\'/\\\'}

  # Actually generate completions.
  local IFS=$'\n'
  echo -e "$(compgen -W "${optionList[*]}" -- "$curr_word")"
}

# Bash completion entry point function.
# _complete_dev finds which commands and subcommands have been specified
# on the command line and delegates to the appropriate function
# to generate possible options and subcommands for the last specified subcommand.
function _complete_dev() {
  # Edge case: if command line has no space after subcommand, then don't assume this subcommand is selected (remkop/picocli#1468).
  if [ "${COMP_LINE}" = "${COMP_WORDS[0]} start" ];    then _picocli_dev; return $?; fi
  if [ "${COMP_LINE}" = "${COMP_WORDS[0]} stop" ];    then _picocli_dev; return $?; fi
  if [ "${COMP_LINE}" = "${COMP_WORDS[0]} restart" ];    then _picocli_dev; return $?; fi
  if [ "${COMP_LINE}" = "${COMP_WORDS[0]} status" ];    then _picocli_dev; return $?; fi
  if [ "${COMP_LINE}" = "${COMP_WORDS[0]} logs" ];    then _picocli_dev; return $?; fi
  if [ "${COMP_LINE}" = "${COMP_WORDS[0]} check" ];    then _picocli_dev; return $?; fi
  if [ "${COMP_LINE}" = "${COMP_WORDS[0]} env" ];    then _picocli_dev; return $?; fi
  if [ "${COMP_LINE}" = "${COMP_WORDS[0]} init" ];    then _picocli_dev; return $?; fi
  if [ "${COMP_LINE}" = "${COMP_WORDS[0]} completion" ];    then _picocli_dev; return $?; fi

  # Find the longest sequence of subcommands and call the bash function for that subcommand.
  local cmds0=(start)
  local cmds1=(stop)
  local cmds2=(restart)
  local cmds3=(status)
  local cmds4=(logs)
  local cmds5=(check)
  local cmds6=(env)
  local cmds7=(init)
  local cmds8=(completion)

  if CompWordsContainsArray "${cmds8[@]}"; then _picocli_dev_completion; return $?; fi
  if CompWordsContainsArray "${cmds7[@]}"; then _picocli_dev_init; return $?; fi
  if CompWordsContainsArray "${cmds6[@]}"; then _picocli_dev_env; return $?; fi
  if CompWordsContainsArray "${cmds5[@]}"; then _picocli_dev_check; return $?; fi
  if CompWordsContainsArray "${cmds4[@]}"; then _picocli_dev_logs; return $?; fi
  if CompWordsContainsArray "${cmds3[@]}"; then _picocli_dev_status; return $?; fi
  if CompWordsContainsArray "${cmds2[@]}"; then _picocli_dev_restart; return $?; fi
  if CompWordsContainsArray "${cmds1[@]}"; then _picocli_dev_stop; return $?; fi
  if CompWordsContainsArray "${cmds0[@]}"; then _picocli_dev_start; return $?; fi

  # No subcommands were specified; generate completions for the top-level command.
  _picocli_dev; return $?;
}

# Generates completions for the options and subcommands of the `dev` command.
function _picocli_dev() {
  # Get completion data
  local curr_word=${COMP_WORDS[COMP_CWORD]}
  local prev_word=${COMP_WORDS[COMP_CWORD-1]}

  local commands="start stop restart status logs check env init completion"
  local flag_opts="'--no-color' '--verbose' '-h' '--help' '-V' '--version'"
  local arg_opts="'-C' '-f' '--file' '--color'"
  local WHEN_option_args=("auto" "always" "never") # --color values

  type compopt &>/dev/null && compopt +o default

  case ${prev_word} in
    '-C')
      local IFS=$'\n'
      type compopt &>/dev/null && compopt -o filenames
      COMPREPLY=( $( compgen -f -- "${curr_word}" ) ) # files
      return $?
      ;;
    '-f'|'--file')
      local IFS=$'\n'
      type compopt &>/dev/null && compopt -o filenames
      COMPREPLY=( $( compgen -f -- "${curr_word}" ) ) # files
      return $?
      ;;
    '--color')
      local IFS=$'\n'
      COMPREPLY=( $( compReplyArray "${WHEN_option_args[@]}" ) )
      return $?
      ;;
  esac

  if [[ "${curr_word}" == -* ]]; then
    COMPREPLY=( $(compgen -W "${flag_opts} ${arg_opts}" -- "${curr_word}") )
  else
    local positionals=""
    local IFS=$'\n'
    COMPREPLY=( $(compgen -W "${commands// /$'\n'}${IFS}${positionals}" -- "${curr_word}") )
  fi
}

# Generates completions for the options and subcommands of the `start` subcommand.
function _picocli_dev_start() {
  # Get completion data
  local curr_word=${COMP_WORDS[COMP_CWORD]}
  local prev_word=${COMP_WORDS[COMP_CWORD-1]}

  local commands=""
  local flag_opts="'--no-deps' '--abort-on-failure' '-d' '--detach' '--wait' '-h' '--help' '-V' '--version' '--no-color' '--verbose'"
  local arg_opts="'-f' '--file' '--timeout' '-C' '--color'"
  local WHEN_option_args=("auto" "always" "never") # --color values

  type compopt &>/dev/null && compopt +o default

  case ${prev_word} in
    '-f'|'--file')
      local IFS=$'\n'
      type compopt &>/dev/null && compopt -o filenames
      COMPREPLY=( $( compgen -f -- "${curr_word}" ) ) # files
      return $?
      ;;
    '--timeout')
      return
      ;;
    '-C')
      local IFS=$'\n'
      type compopt &>/dev/null && compopt -o filenames
      COMPREPLY=( $( compgen -f -- "${curr_word}" ) ) # files
      return $?
      ;;
    '--color')
      local IFS=$'\n'
      COMPREPLY=( $( compReplyArray "${WHEN_option_args[@]}" ) )
      return $?
      ;;
  esac
  local SERVICE_pos_param_args=() _dev_name
  while IFS= read -r _dev_name; do SERVICE_pos_param_args+=("$_dev_name"); done < <(_dev_service_names)

  if [[ "${curr_word}" == -* ]]; then
    COMPREPLY=( $(compgen -W "${flag_opts} ${arg_opts}" -- "${curr_word}") )
  else
    local positionals=""
    local currIndex
    currIndex=$(currentPositionalIndex "start" "${arg_opts}" "${flag_opts}")
    if (( currIndex >= 0 && currIndex <= 2147483647 )); then
      positionals=$( compReplyArray "${SERVICE_pos_param_args[@]}" )
    fi
    local IFS=$'\n'
    COMPREPLY=( $(compgen -W "${commands// /$'\n'}${IFS}${positionals}" -- "${curr_word}") )
  fi
}

# Generates completions for the options and subcommands of the `stop` subcommand.
function _picocli_dev_stop() {
  # Get completion data
  local curr_word=${COMP_WORDS[COMP_CWORD]}
  local prev_word=${COMP_WORDS[COMP_CWORD-1]}

  local commands=""
  local flag_opts="'--force' '-h' '--help' '-V' '--version' '--no-color' '--verbose'"
  local arg_opts="'-f' '--file' '--timeout' '-C' '--color'"
  local WHEN_option_args=("auto" "always" "never") # --color values

  type compopt &>/dev/null && compopt +o default

  case ${prev_word} in
    '-f'|'--file')
      local IFS=$'\n'
      type compopt &>/dev/null && compopt -o filenames
      COMPREPLY=( $( compgen -f -- "${curr_word}" ) ) # files
      return $?
      ;;
    '--timeout')
      return
      ;;
    '-C')
      local IFS=$'\n'
      type compopt &>/dev/null && compopt -o filenames
      COMPREPLY=( $( compgen -f -- "${curr_word}" ) ) # files
      return $?
      ;;
    '--color')
      local IFS=$'\n'
      COMPREPLY=( $( compReplyArray "${WHEN_option_args[@]}" ) )
      return $?
      ;;
  esac
  local SERVICE_pos_param_args=() _dev_name
  while IFS= read -r _dev_name; do SERVICE_pos_param_args+=("$_dev_name"); done < <(_dev_service_names)

  if [[ "${curr_word}" == -* ]]; then
    COMPREPLY=( $(compgen -W "${flag_opts} ${arg_opts}" -- "${curr_word}") )
  else
    local positionals=""
    local currIndex
    currIndex=$(currentPositionalIndex "stop" "${arg_opts}" "${flag_opts}")
    if (( currIndex >= 0 && currIndex <= 2147483647 )); then
      positionals=$( compReplyArray "${SERVICE_pos_param_args[@]}" )
    fi
    local IFS=$'\n'
    COMPREPLY=( $(compgen -W "${commands// /$'\n'}${IFS}${positionals}" -- "${curr_word}") )
  fi
}

# Generates completions for the options and subcommands of the `restart` subcommand.
function _picocli_dev_restart() {
  # Get completion data
  local curr_word=${COMP_WORDS[COMP_CWORD]}
  local prev_word=${COMP_WORDS[COMP_CWORD-1]}

  local commands=""
  local flag_opts="'-h' '--help' '-V' '--version' '--no-color' '--verbose'"
  local arg_opts="'-f' '--file' '-C' '--color'"
  local WHEN_option_args=("auto" "always" "never") # --color values

  type compopt &>/dev/null && compopt +o default

  case ${prev_word} in
    '-f'|'--file')
      local IFS=$'\n'
      type compopt &>/dev/null && compopt -o filenames
      COMPREPLY=( $( compgen -f -- "${curr_word}" ) ) # files
      return $?
      ;;
    '-C')
      local IFS=$'\n'
      type compopt &>/dev/null && compopt -o filenames
      COMPREPLY=( $( compgen -f -- "${curr_word}" ) ) # files
      return $?
      ;;
    '--color')
      local IFS=$'\n'
      COMPREPLY=( $( compReplyArray "${WHEN_option_args[@]}" ) )
      return $?
      ;;
  esac
  local SERVICE_pos_param_args=() _dev_name
  while IFS= read -r _dev_name; do SERVICE_pos_param_args+=("$_dev_name"); done < <(_dev_service_names)

  if [[ "${curr_word}" == -* ]]; then
    COMPREPLY=( $(compgen -W "${flag_opts} ${arg_opts}" -- "${curr_word}") )
  else
    local positionals=""
    local currIndex
    currIndex=$(currentPositionalIndex "restart" "${arg_opts}" "${flag_opts}")
    if (( currIndex >= 0 && currIndex <= 2147483647 )); then
      positionals=$( compReplyArray "${SERVICE_pos_param_args[@]}" )
    fi
    local IFS=$'\n'
    COMPREPLY=( $(compgen -W "${commands// /$'\n'}${IFS}${positionals}" -- "${curr_word}") )
  fi
}

# Generates completions for the options and subcommands of the `status` subcommand.
function _picocli_dev_status() {
  # Get completion data
  local curr_word=${COMP_WORDS[COMP_CWORD]}
  local prev_word=${COMP_WORDS[COMP_CWORD-1]}

  local commands=""
  local flag_opts="'--json' '-q' '--quiet' '-w' '--watch' '-h' '--help' '-V' '--version' '--no-color' '--verbose'"
  local arg_opts="'-f' '--file' '-C' '--color'"
  local WHEN_option_args=("auto" "always" "never") # --color values

  type compopt &>/dev/null && compopt +o default

  case ${prev_word} in
    '-f'|'--file')
      local IFS=$'\n'
      type compopt &>/dev/null && compopt -o filenames
      COMPREPLY=( $( compgen -f -- "${curr_word}" ) ) # files
      return $?
      ;;
    '-C')
      local IFS=$'\n'
      type compopt &>/dev/null && compopt -o filenames
      COMPREPLY=( $( compgen -f -- "${curr_word}" ) ) # files
      return $?
      ;;
    '--color')
      local IFS=$'\n'
      COMPREPLY=( $( compReplyArray "${WHEN_option_args[@]}" ) )
      return $?
      ;;
  esac
  local SERVICE_pos_param_args=() _dev_name
  while IFS= read -r _dev_name; do SERVICE_pos_param_args+=("$_dev_name"); done < <(_dev_service_names)

  if [[ "${curr_word}" == -* ]]; then
    COMPREPLY=( $(compgen -W "${flag_opts} ${arg_opts}" -- "${curr_word}") )
  else
    local positionals=""
    local currIndex
    currIndex=$(currentPositionalIndex "status" "${arg_opts}" "${flag_opts}")
    if (( currIndex >= 0 && currIndex <= 2147483647 )); then
      positionals=$( compReplyArray "${SERVICE_pos_param_args[@]}" )
    fi
    local IFS=$'\n'
    COMPREPLY=( $(compgen -W "${commands// /$'\n'}${IFS}${positionals}" -- "${curr_word}") )
  fi
}

# Generates completions for the options and subcommands of the `logs` subcommand.
function _picocli_dev_logs() {
  # Get completion data
  local curr_word=${COMP_WORDS[COMP_CWORD]}
  local prev_word=${COMP_WORDS[COMP_CWORD-1]}

  local commands=""
  local flag_opts="'-f' '--follow' '--timestamps' '--no-prefix' '-h' '--help' '-V' '--version' '--no-color' '--verbose'"
  local arg_opts="'-n' '--since' '--grep' '--stream' '--file' '-C' '--color'"
  local WHEN_option_args=("auto" "always" "never") # --color values

  type compopt &>/dev/null && compopt +o default

  case ${prev_word} in
    '-n')
      return
      ;;
    '--since')
      return
      ;;
    '--grep')
      return
      ;;
    '--stream')
      return
      ;;
    '--file')
      local IFS=$'\n'
      type compopt &>/dev/null && compopt -o filenames
      COMPREPLY=( $( compgen -f -- "${curr_word}" ) ) # files
      return $?
      ;;
    '-C')
      local IFS=$'\n'
      type compopt &>/dev/null && compopt -o filenames
      COMPREPLY=( $( compgen -f -- "${curr_word}" ) ) # files
      return $?
      ;;
    '--color')
      local IFS=$'\n'
      COMPREPLY=( $( compReplyArray "${WHEN_option_args[@]}" ) )
      return $?
      ;;
  esac
  local SERVICE_pos_param_args=() _dev_name
  while IFS= read -r _dev_name; do SERVICE_pos_param_args+=("$_dev_name"); done < <(_dev_service_names)

  if [[ "${curr_word}" == -* ]]; then
    COMPREPLY=( $(compgen -W "${flag_opts} ${arg_opts}" -- "${curr_word}") )
  else
    local positionals=""
    local currIndex
    currIndex=$(currentPositionalIndex "logs" "${arg_opts}" "${flag_opts}")
    if (( currIndex >= 0 && currIndex <= 2147483647 )); then
      positionals=$( compReplyArray "${SERVICE_pos_param_args[@]}" )
    fi
    local IFS=$'\n'
    COMPREPLY=( $(compgen -W "${commands// /$'\n'}${IFS}${positionals}" -- "${curr_word}") )
  fi
}

# Generates completions for the options and subcommands of the `check` subcommand.
function _picocli_dev_check() {
  # Get completion data
  local curr_word=${COMP_WORDS[COMP_CWORD]}
  local prev_word=${COMP_WORDS[COMP_CWORD-1]}

  local commands=""
  local flag_opts="'--json' '-h' '--help' '-V' '--version' '--no-color' '--verbose'"
  local arg_opts="'-f' '--file' '-C' '--color'"
  local WHEN_option_args=("auto" "always" "never") # --color values

  type compopt &>/dev/null && compopt +o default

  case ${prev_word} in
    '-f'|'--file')
      local IFS=$'\n'
      type compopt &>/dev/null && compopt -o filenames
      COMPREPLY=( $( compgen -f -- "${curr_word}" ) ) # files
      return $?
      ;;
    '-C')
      local IFS=$'\n'
      type compopt &>/dev/null && compopt -o filenames
      COMPREPLY=( $( compgen -f -- "${curr_word}" ) ) # files
      return $?
      ;;
    '--color')
      local IFS=$'\n'
      COMPREPLY=( $( compReplyArray "${WHEN_option_args[@]}" ) )
      return $?
      ;;
  esac

  if [[ "${curr_word}" == -* ]]; then
    COMPREPLY=( $(compgen -W "${flag_opts} ${arg_opts}" -- "${curr_word}") )
  else
    local positionals=""
    local IFS=$'\n'
    COMPREPLY=( $(compgen -W "${commands// /$'\n'}${IFS}${positionals}" -- "${curr_word}") )
  fi
}

# Generates completions for the options and subcommands of the `env` subcommand.
function _picocli_dev_env() {
  # Get completion data
  local curr_word=${COMP_WORDS[COMP_CWORD]}
  local prev_word=${COMP_WORDS[COMP_CWORD-1]}

  local commands=""
  local flag_opts="'--show-secrets' '-a' '--all' '-h' '--help' '-V' '--version' '--no-color' '--verbose'"
  local arg_opts="'-f' '--file' '-C' '--color'"
  local WHEN_option_args=("auto" "always" "never") # --color values

  type compopt &>/dev/null && compopt +o default

  case ${prev_word} in
    '-f'|'--file')
      local IFS=$'\n'
      type compopt &>/dev/null && compopt -o filenames
      COMPREPLY=( $( compgen -f -- "${curr_word}" ) ) # files
      return $?
      ;;
    '-C')
      local IFS=$'\n'
      type compopt &>/dev/null && compopt -o filenames
      COMPREPLY=( $( compgen -f -- "${curr_word}" ) ) # files
      return $?
      ;;
    '--color')
      local IFS=$'\n'
      COMPREPLY=( $( compReplyArray "${WHEN_option_args[@]}" ) )
      return $?
      ;;
  esac
  local SERVICE_pos_param_args=() _dev_name
  while IFS= read -r _dev_name; do SERVICE_pos_param_args+=("$_dev_name"); done < <(_dev_service_names)

  if [[ "${curr_word}" == -* ]]; then
    COMPREPLY=( $(compgen -W "${flag_opts} ${arg_opts}" -- "${curr_word}") )
  else
    local positionals=""
    local currIndex
    currIndex=$(currentPositionalIndex "env" "${arg_opts}" "${flag_opts}")
    if (( currIndex >= 0 && currIndex <= 0 )); then
      positionals=$( compReplyArray "${SERVICE_pos_param_args[@]}" )
    fi
    local IFS=$'\n'
    COMPREPLY=( $(compgen -W "${commands// /$'\n'}${IFS}${positionals}" -- "${curr_word}") )
  fi
}

# Generates completions for the options and subcommands of the `init` subcommand.
function _picocli_dev_init() {
  # Get completion data
  local curr_word=${COMP_WORDS[COMP_CWORD]}
  local prev_word=${COMP_WORDS[COMP_CWORD-1]}

  local commands=""
  local flag_opts="'--force' '-h' '--help' '-V' '--version' '--no-color' '--verbose'"
  local arg_opts="'-f' '--file' '-C' '--color'"
  local WHEN_option_args=("auto" "always" "never") # --color values

  type compopt &>/dev/null && compopt +o default

  case ${prev_word} in
    '-f'|'--file')
      local IFS=$'\n'
      type compopt &>/dev/null && compopt -o filenames
      COMPREPLY=( $( compgen -f -- "${curr_word}" ) ) # files
      return $?
      ;;
    '-C')
      local IFS=$'\n'
      type compopt &>/dev/null && compopt -o filenames
      COMPREPLY=( $( compgen -f -- "${curr_word}" ) ) # files
      return $?
      ;;
    '--color')
      local IFS=$'\n'
      COMPREPLY=( $( compReplyArray "${WHEN_option_args[@]}" ) )
      return $?
      ;;
  esac

  if [[ "${curr_word}" == -* ]]; then
    COMPREPLY=( $(compgen -W "${flag_opts} ${arg_opts}" -- "${curr_word}") )
  else
    local positionals=""
    local IFS=$'\n'
    COMPREPLY=( $(compgen -W "${commands// /$'\n'}${IFS}${positionals}" -- "${curr_word}") )
  fi
}

# Generates completions for the options and subcommands of the `completion` subcommand.
function _picocli_dev_completion() {
  # Get completion data
  local curr_word=${COMP_WORDS[COMP_CWORD]}
  local prev_word=${COMP_WORDS[COMP_CWORD-1]}

  local commands=""
  local flag_opts="'-h' '--help' '-V' '--version' '--no-color' '--verbose'"
  local arg_opts="'-C' '--color'"
  local WHEN_option_args=("auto" "always" "never") # --color values

  type compopt &>/dev/null && compopt +o default

  case ${prev_word} in
    '-C')
      local IFS=$'\n'
      type compopt &>/dev/null && compopt -o filenames
      COMPREPLY=( $( compgen -f -- "${curr_word}" ) ) # files
      return $?
      ;;
    '--color')
      local IFS=$'\n'
      COMPREPLY=( $( compReplyArray "${WHEN_option_args[@]}" ) )
      return $?
      ;;
  esac
  local SHELL_pos_param_args=("bash" "zsh" "fish") # 0-0 values

  if [[ "${curr_word}" == -* ]]; then
    COMPREPLY=( $(compgen -W "${flag_opts} ${arg_opts}" -- "${curr_word}") )
  else
    local positionals=""
    local currIndex
    currIndex=$(currentPositionalIndex "completion" "${arg_opts}" "${flag_opts}")
    if (( currIndex >= 0 && currIndex <= 0 )); then
      positionals=$( compReplyArray "${SHELL_pos_param_args[@]}" )
    fi
    local IFS=$'\n'
    COMPREPLY=( $(compgen -W "${commands// /$'\n'}${IFS}${positionals}" -- "${curr_word}") )
  fi
}

# Define a completion specification (a compspec) for the
# `dev`, `dev.sh`, and `dev.bash` commands.
# Uses the bash `complete` builtin (see [6]) to specify that shell function
# `_complete_dev` is responsible for generating possible completions for the
# current word on the command line.
# The `-o default` option means that if the function generated no matches, the
# default Bash completions and the Readline default filename completions are performed.
complete -F _complete_dev -o default dev dev.sh dev.bash
