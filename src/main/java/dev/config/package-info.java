/**
 * dev.toml: discovery ({@link dev.config.ConfigDiscovery}), loading and validation with exact
 * locations ({@link dev.config.ConfigLoader}), {@code .env} files ({@link dev.config.DotEnv}) and
 * resolution into runnable services with environment provenance ({@link dev.config.Resolver}).
 *
 * <p>Rules decided where SPEC §2 is silent:
 * <ul>
 *   <li>Every error of a file is reported at once, sorted by position; an invalid value is replaced
 *       by its default internally so later checks still run, but errors that would only follow from
 *       an earlier one (a reference to a port that was itself invalid) are not reported.</li>
 *   <li>A config with no service is an error ({@code missing_key} at 1:1).</li>
 *   <li>Durations need a unit; a bare number is refused with a hint. {@code interval},
 *       {@code timeout} and {@code start_timeout} must be above zero; {@code stop_timeout} and
 *       {@code start_period} may be zero. {@code log_max_size} also accepts a plain integer of bytes.</li>
 *   <li>{@code stop_signal} may not be STOP or CONT (they never end a process).</li>
 *   <li>{@code port = "8080"} (quoted digits) is refused with a hint to drop the quotes.</li>
 *   <li>{@code env} values may be strings, integers or booleans (taken as written); env var names
 *       may not be empty or contain {@code =}.</li>
 *   <li>{@code health.http} must start with {@code /}, {@code http://}, {@code https://} or a
 *       reference; {@code status} also accepts an integer and a range {@code "200-399"}.
 *       {@code health.tcp} accepts an integer or a template string.</li>
 *   <li>A dependency listed twice is a conflict. {@code binds_to} counts as a dependency edge for
 *       cycle detection (a bound service is started after and stopped before its target); two
 *       independent cycles give two errors.</li>
 *   <li>{@code env_file} paths, for the project and for services, are relative to the project
 *       root; a service has no implicit env file.</li>
 *   <li>Interpolation: {@code ${port}} is an error in {@code [project].env} (shared by all
 *       services); {@code ${PORT}} there means the port of the service being resolved. Inside env
 *       tables and env files {@code ${VAR}} sees the layers below plus keys written earlier in the
 *       same table or file, plus what dev sets (so {@code ${PORT}} always means the port the child
 *       gets). Commands, cwd, stop_command and health checks see the final environment. Shell-only
 *       forms like {@code ${VAR:-x}} are unknown references; {@code $${VAR:-x}} passes them on.</li>
 *   <li>At load time {@code ${VAR}} is checked against the process environment, env files and
 *       tables. Env files are read leniently then: a missing explicit file or a malformed one is
 *       reported by {@link dev.config.Resolver} (kind {@code env_file}, naming the file), and until
 *       then names it might define are not reported as unknown.</li>
 *   <li>{@code .env}: unquoted and double-quoted values expand {@code ${VAR}} and {@code $VAR};
 *       single-quoted ones are literal; an unknown name is an error ({@code unknown_reference} at
 *       the env file's line and column); a later assignment wins.</li>
 *   <li>Jackson rejects duplicate keys and redefined tables; they are reported as {@code syntax}
 *       errors at the second definition, naming the key.</li>
 * </ul>
 */
package dev.config;
