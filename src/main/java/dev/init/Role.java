package dev.init;

/**
 * What a detected service is for; it decides the dependencies {@code dev init} writes:
 * frontends wait for backends, backends and other processes wait for databases.
 */
public enum Role {
    /** A one-shot set-up step (creating a database cluster, a Procfile {@code release} line). */
    SETUP,
    DATABASE,
    BACKEND,
    /** A long-running process of unknown kind (a Procfile worker, a plain {@code npm run dev}). */
    PROCESS,
    FRONTEND
}
