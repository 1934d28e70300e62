package dev.init;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.init.Projects.pathWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Detection over in-memory project trees: what each kind of project turns into. */
class ProjectDetectorTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path root = fs.getPath("/work/shop");

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private Detection detect(Map<String, String> files, ExecutableLookup lookup) {
        return ProjectDetector.detect(Projects.write(root, files), lookup);
    }

    private static ServiceDraft service(Detection d, String name) {
        return d.services().stream().map(Finding::draft).filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no service " + name + " in " + names(d)));
    }

    private static List<String> names(Detection d) {
        return d.services().stream().map(f -> f.draft().name()).toList();
    }

    @Test
    void viteAppInTheRootIsAFrontendOnItsUsualPortWithAnHttpCheck() {
        Detection d = detect(Map.of("package.json", Projects.VITE_PACKAGE), pathWith());
        ServiceDraft web = service(d, "web");
        assertEquals("npx vite --host 127.0.0.1 --port ${port} --strictPort", web.command());
        assertEquals(new Port.Fixed(5173), web.port());
        assertEquals(new Health.Http("/"), web.health());
        assertEquals("", web.cwd());
        assertEquals(Role.FRONTEND, web.role());
        assertEquals(List.of("Vite app in the project root (package.json)"), d.services().stream().map(Finding::summary).toList());
    }

    @Test
    void nextAppUsesNextDevOnPort3000() {
        ServiceDraft web = service(detect(Map.of("frontend/package.json", Projects.NEXT_PACKAGE), pathWith()), "web");
        assertEquals("npx next dev -p ${port}", web.command());
        assertEquals(new Port.Fixed(3000), web.port());
        assertEquals("frontend", web.cwd());
    }

    @Test
    void aPlainDevScriptRunsThroughThePackageManagerItsLockFileNames() {
        Detection npm = detect(Map.of("package.json", "{\"scripts\": {\"dev\": \"node watch.js\"}}"), pathWith());
        assertEquals("npm run dev", service(npm, "app").command());
        assertEquals(Port.NONE, service(npm, "app").port());

        Path other = fs.getPath("/work/yarnish");
        Projects.write(other, Map.of("tools/package.json", "{\"scripts\": {\"start\": \"node x.js\"}}", "tools/yarn.lock", ""));
        Detection yarn = ProjectDetector.detect(other, pathWith());
        assertEquals("yarn start", service(yarn, "tools").command(), "no dev script: start; named after its directory");
    }

    @Test
    void packageJsonWithoutRunnableScriptsIsNoService() {
        Detection d = detect(Map.of("package.json", "{\"scripts\": {\"build\": \"tsc\"}}"), pathWith());
        assertTrue(d.placeholderOnly(), names(d).toString());
    }

    @Test
    void fastApiAppIsFoundInItsModuleAndServedByUvicorn() {
        Detection d = detect(Map.of(
                "backend/pyproject.toml", Projects.FASTAPI_PYPROJECT,
                "backend/app/__init__.py", "",
                "backend/app/main.py", "from fastapi import FastAPI\nfrom .routes import r\n\napi: FastAPI = FastAPI(title='x')\n",
                "backend/tests/test_main.py", "app = FastAPI()\n"), pathWith());
        ServiceDraft api = service(d, "api");
        assertEquals("uvicorn app.main:api --port ${port}", api.command());
        assertEquals("backend", api.cwd());
        assertEquals(new Port.Fixed(8000), api.port());
        assertEquals(new Health.Http("/"), api.health());
        assertEquals(Role.BACKEND, api.role());
    }

    @Test
    void uvicornAppUnderSrcGetsAppDirAndAVirtualenvIsUsed() {
        Detection d = detect(Map.of(
                "requirements.txt", "# web\nFastAPI==0.110.0 ; python_version >= '3.9'\n-r requirements-base.txt\n",
                "src/shop/server.py", "import fastapi\napplication = fastapi.FastAPI()\n",
                ".venv/bin/python", ""), pathWith());
        assertEquals(".venv/bin/uvicorn shop.server:application --app-dir src --port ${port}", service(d, "api").command());
    }

    @Test
    void uvicornWithoutAFindableAppFallsBackToAppAppAndSaysSo() {
        ServiceDraft api = service(detect(Map.of("requirements.txt", "uvicorn\nstarlette\n"), pathWith()), "api");
        assertEquals("uvicorn app:app --port ${port}", api.command());
        assertTrue(api.comments().stream().anyMatch(c -> c.contains("point app:app at your module:variable")), api.comments().toString());
    }

    @Test
    void djangoRunsManagePyOnLoopbackWithTheInterpreterOnPath() {
        Detection d = detect(Map.of("manage.py", "#!/usr/bin/env python\n", "requirements.txt", "Django>=4.2\n"),
                pathWith("python3"));
        ServiceDraft api = service(d, "api");
        assertEquals("python3 manage.py runserver 127.0.0.1:${port}", api.command());
        assertEquals(new Port.Fixed(8000), api.port());
        assertEquals("python manage.py runserver 127.0.0.1:${port}",
                service(ProjectDetector.detect(root, pathWith("python", "python3")), "api").command());
    }

    @Test
    void flaskNamesItsAppModule() {
        Detection d = detect(Map.of("Pipfile", "[packages]\nflask = \"*\"\n", "wsgi.py", "from flask import Flask\nserver = Flask(__name__)\n"),
                pathWith());
        ServiceDraft api = service(d, "api");
        assertEquals("flask --app wsgi:server run --port ${port}", api.command());
        assertEquals(new Port.Fixed(5000), api.port());
    }

    @Test
    void procfileLinesBecomeServicesWithWebOnAnAutoPortAndShellDollarsKept() {
        Detection d = detect(Map.of(
                "Procfile", "# processes\nweb: bundle exec puma -p $PORT\nworker: bundle exec sidekiq -c ${CONCURRENCY:-5}\n"
                        + "release: bin/rails db:migrate\nclock: echo $$ > clock.pid\n",
                "package.json", Projects.VITE_PACKAGE), pathWith());
        assertEquals(List.of("release", "web", "worker", "clock"), names(d));
        ServiceDraft web = service(d, "web");
        assertEquals("bundle exec puma -p $PORT", web.command());
        assertEquals(Port.AUTO, web.port());
        assertEquals("bundle exec sidekiq -c $${CONCURRENCY:-5}", service(d, "worker").command(),
                "${…} is dev's interpolation, so the shell's own is escaped");
        assertEquals("echo $$$$ > clock.pid", service(d, "clock").command());
        assertTrue(service(d, "release").task());
        assertEquals(List.of(Dependency.completed("release")), web.dependsOn());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("processes of Procfile became services")));
    }

    @Test
    void procfileDevWinsOverProcfile() {
        Detection d = detect(Map.of("Procfile", "web: gunicorn app:app\n", "Procfile.dev", "web: flask run -p $PORT\n"), pathWith());
        assertEquals("flask run -p $PORT", service(d, "web").command());
    }

    @Test
    void databasesTheProjectUsesAndThatAreInstalledBecomeServicesThatBackendsWaitFor() {
        Detection d = detect(Map.of(
                "backend/pyproject.toml", Projects.FASTAPI_PYPROJECT,
                "backend/main.py", "app = FastAPI()\n",
                "web/package.json", Projects.VITE_PACKAGE,
                ".env.example", "REDIS_URL=redis://localhost:6379/0\n"),
                pathWith("postgres", "initdb", "pg_isready", "redis-server", "redis-cli", "mysqld", "mysqladmin"));
        assertEquals(List.of("postgres-init", "postgres", "redis", "api", "web"), names(d), "mysql is installed but unused");
        ServiceDraft pg = service(d, "postgres");
        assertEquals("postgres -D .dev/pg -p ${port} -k /tmp", pg.command());
        assertEquals(new Health.Exec("pg_isready -h 127.0.0.1 -p ${port}"), pg.health());
        assertEquals(List.of(Dependency.completed("postgres-init")), pg.dependsOn());
        assertTrue(service(d, "postgres-init").task());
        assertEquals(new Health.Exec("redis-cli -p ${port} ping"), service(d, "redis").health());
        assertEquals(List.of(Dependency.healthy("postgres"), Dependency.healthy("redis")), service(d, "api").dependsOn());
        assertEquals(List.of(Dependency.healthy("api")), service(d, "web").dependsOn());
        assertTrue(d.services().stream().anyMatch(f -> f.summary().equals(
                "PostgreSQL (psycopg in backend/pyproject.toml; postgres on PATH)")), d.services().toString());
    }

    @Test
    void aDatabaseThatIsUsedButNotInstalledIsOfferedCommentedOutAndNothingWaitsForIt() {
        Detection d = detect(Map.of("package.json", Projects.EXPRESS_PACKAGE,
                        "docker-compose.yml", "services:\n  db:\n    image: postgres:16\n"),
                pathWith("redis-server", "redis-cli", "postgres"));
        assertEquals(List.of("redis", "api"), names(d));
        assertEquals(List.of("postgres-init", "postgres"), d.unavailable().stream().map(f -> f.draft().name()).toList());
        assertEquals(List.of(Dependency.healthy("redis")), service(d, "api").dependsOn());
        assertTrue(d.notes().stream().anyMatch(n -> n.equals("PostgreSQL is used (docker-compose.yml) but initdb, pg_isready"
                + " are not on PATH: its services are written commented out")), d.notes().toString());
    }

    @Test
    void aFrontendWaitsOnlyUntilABackendWithoutAnyCheckHasStarted() {
        Detection d = detect(Map.of("server/package.json", Projects.EXPRESS_PACKAGE,
                "client/package.json", Projects.VITE_PACKAGE), pathWith());
        assertEquals(List.of(new Dependency("api", "started")), service(d, "web").dependsOn());
    }

    @Test
    void clashingNamesAndFixedPortsAreMadeDistinct() {
        Detection d = detect(Map.of("admin/package.json", Projects.VITE_PACKAGE, "site/package.json", Projects.VITE_PACKAGE),
                pathWith());
        assertEquals(List.of("web", "site"), names(d));
        assertEquals(new Port.Fixed(5173), service(d, "web").port());
        assertEquals(Port.AUTO, service(d, "site").port());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("services.site would also use port 5173")), d.notes().toString());
    }

    @Test
    void aProcfileProcessThatIsTheDatabaseServerIsNotDuplicated() {
        Detection d = detect(Map.of("Procfile", "redis: redis-server --port 6380\nweb: node app.js\n",
                "package.json", Projects.EXPRESS_PACKAGE), pathWith("redis-server", "redis-cli"));
        assertEquals(List.of("redis", "web"), names(d));
        assertEquals("redis-server --port 6380", service(d, "redis").command());
    }

    @Test
    void anEmptyDirectoryGetsAPlaceholderThatSaysWhatToDo() {
        Detection d = detect(Map.of("README.md", "hello"), pathWith("postgres"));
        assertTrue(d.placeholderOnly());
        assertFalse(d.notes().isEmpty());
    }

    @Test
    void dependencyDirectoriesAndHiddenDirectoriesAreNotServices() {
        Detection d = detect(Map.of("node_modules/vite/package.json", Projects.VITE_PACKAGE,
                ".cache/package.json", Projects.VITE_PACKAGE), pathWith());
        assertTrue(d.placeholderOnly(), names(d).toString());
    }

    @Test
    void brokenManifestsAreIgnoredNotFatal() {
        Detection d = detect(Map.of("package.json", "{ not json", "pyproject.toml", "[project\nbroken",
                "web/package.json", Projects.VITE_PACKAGE), pathWith());
        assertEquals(List.of("web"), names(d));
    }
}
