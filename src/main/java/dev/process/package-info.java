/**
 * Operating-system process mechanics, with no orchestration policy: spawning a command in its own session and
 * process group ({@link dev.process.ProcessPlatform#spawn}), signalling and emptying a group
 * ({@link dev.process.GroupStopper}), the pid + start-time identity that guards against PID reuse
 * ({@link dev.process.ProcessIdentity}), port holders and bind tests, the environment-marker scan that finds
 * double-forked daemons, and the preflight that turns common spawn failures into specific reasons
 * ({@link dev.process.SpawnPreflight}). Linux and macOS differ only behind {@link dev.process.ProcessPlatform}.
 */
package dev.process;
