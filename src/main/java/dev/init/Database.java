package dev.init;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The database servers {@code dev init} can set up: how a project reveals that it uses one, which
 * programs must be installed, and the services that run it with its data under {@code .dev/}.
 */
enum Database {
    POSTGRES("PostgreSQL", "postgres", List.of("postgres", "initdb", "pg_isready"),
            Set.of("psycopg", "psycopg2", "psycopg2-binary", "psycopg-binary", "asyncpg", "pg8000", "pg", "postgres",
                    "pg-promise", "django-postgres"),
            Pattern.compile("postgres(?:ql)?(?:\\+[a-z0-9]+)?://|image:\\s*[\"']?(?:[\\w./-]*/)?postgres\\b")),
    REDIS("Redis", "redis", List.of("redis-server", "redis-cli"),
            Set.of("redis", "ioredis", "aioredis", "rq", "django-redis", "bullmq", "bull"),
            Pattern.compile("rediss?://|image:\\s*[\"']?(?:[\\w./-]*/)?redis\\b")),
    MYSQL("MySQL", "mysql", List.of("mysqld", "mysqladmin"),
            Set.of("mysqlclient", "pymysql", "mysql-connector-python", "aiomysql", "mysql", "mysql2"),
            Pattern.compile("mysql(?:\\+[a-z0-9]+)?://|image:\\s*[\"']?(?:[\\w./-]*/)?(?:mysql|mariadb)\\b"));

    final String title;
    final String serviceName;
    /** The server first; every one must be on PATH for the service to be written enabled. */
    final List<String> programs;
    final Set<String> packages;
    final Pattern textHint;

    Database(String title, String serviceName, List<String> programs, Set<String> packages, Pattern textHint) {
        this.title = title;
        this.serviceName = serviceName;
        this.programs = programs;
        this.packages = packages;
        this.textHint = textHint;
    }

    String server() {
        return programs.get(0);
    }

    /** The services that run it, set-up task first; data lives in .dev/, which dev init has git ignore. */
    List<ServiceDraft> drafts(String evidence) {
        String init = serviceName + "-init";
        return switch (this) {
            case POSTGRES -> List.of(
                    ServiceDraft.of(init, Role.SETUP, "test -d .dev/pg || initdb -D .dev/pg -U postgres --auth=trust",
                            "", Port.NONE, Health.NONE,
                            List.of("Creates the PostgreSQL cluster in .dev/pg the first time (user postgres, no password).")),
                    ServiceDraft.of(serviceName, Role.DATABASE, "postgres -D .dev/pg -p ${port} -k /tmp", "",
                            new Port.Fixed(5432), new Health.Exec("pg_isready -h 127.0.0.1 -p ${port}"),
                            List.of("PostgreSQL (" + evidence + "): postgresql://postgres@127.0.0.1:5432/postgres"))
                            .withDependencies(List.of(Dependency.completed(init))));
            case REDIS -> List.of(
                    ServiceDraft.of(serviceName, Role.DATABASE, "redis-server --port ${port} --save '' --appendonly no",
                            "", new Port.Fixed(6379), new Health.Exec("redis-cli -p ${port} ping"),
                            List.of("Redis (" + evidence + "), in memory only: redis://127.0.0.1:6379")));
            case MYSQL -> List.of(
                    ServiceDraft.of(init, Role.SETUP,
                            "test -d .dev/mysql || mysqld --initialize-insecure --datadir=\"$PWD/.dev/mysql\"", "",
                            Port.NONE, Health.NONE,
                            List.of("Creates the MySQL data directory in .dev/mysql the first time (root, no password).",
                                    "MariaDB: use `mariadb-install-db --datadir=\"$PWD/.dev/mysql\"` instead.")),
                    ServiceDraft.of(serviceName, Role.DATABASE,
                            "mysqld --datadir=\"$PWD/.dev/mysql\" --port=${port} --bind-address=127.0.0.1"
                                    + " --socket=\"$PWD/.dev/mysql.sock\"", "",
                            new Port.Fixed(3306), new Health.Exec("mysqladmin --host=127.0.0.1 --port=${port} --user=root ping"),
                            List.of("MySQL (" + evidence + "): mysql://root@127.0.0.1:3306"))
                            .withDependencies(List.of(Dependency.completed(init))));
        };
    }
}
