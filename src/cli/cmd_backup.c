/* cmd_backup.c - `spoorwijzer db backup` and `db restore` (called by
 * cmd_db.c): a consistent copy of the whole database while the server
 * runs, and that copy into a new, empty database.
 *
 * SQLite through its online backup API (db_backup), PostgreSQL through
 * pg_dump and pg_restore (custom format), run as child processes. The
 * backup is written next to FILE and renamed into place once complete, so
 * FILE is never half a backup. The medical key is not in it (it never is
 * in the database): keep the key file apart from the backups. */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "store/store.h"

extern char **environ;

static int is_pg(const char *url)
{
	return strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0;
}

/* Runs argv[0] (from PATH) and waits; CLI_OK when it exited 0. */
static int run(char *const argv[])
{
	pid_t pid;
	int status;
	const int rc = posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ);
	if (rc != 0) {
		fprintf(stderr, "spoorwijzer: %s: %s\n", argv[0], strerror(rc));
		return CLI_FAIL;
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return CLI_FAIL;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "spoorwijzer: %s failed (see its message above)\n", argv[0]);
		return CLI_FAIL;
	}
	return CLI_OK;
}

static int store_failure(const char *what, const struct sw_error *err)
{
	fprintf(stderr, "spoorwijzer: %s: %s%s%s\n", what, err->field, *err->field ? ": " : "",
		err->message);
	return err->code == SW_EINVAL ? CLI_USAGE : CLI_FAIL;
}

int cli_db_backup(const char *url, const char *file)
{
	struct stat sb;
	if (stat(file, &sb) == 0)
		return cli_usage_error("db backup: %s exists; not overwritten", file);
	char part[4096];
	if (snprintf(part, sizeof part, "%s.part", file) >= (int)sizeof part)
		return cli_usage_error("db backup: %s: path too long", file);
	unlink(part);
	int rc;
	if (is_pg(url)) {
		char dbname[4200], out[4200];
		snprintf(dbname, sizeof dbname, "--dbname=%s", url);
		snprintf(out, sizeof out, "--file=%s", part);
		char *const argv[] = { "pg_dump", "--format=custom", "--no-owner", "--no-privileges",
				       out, dbname, NULL };
		rc = run(argv);
	} else {
		struct sw_error err = { 0 };
		struct store *st = store_open(url, &err);
		if (st == NULL)
			return store_failure("--database", &err);
		rc = db_backup(store_db(st), part, &err) == 0 ? CLI_OK : store_failure("db backup", &err);
		store_close(st);
	}
	if (rc == CLI_OK && rename(part, file) != 0) {
		fprintf(stderr, "spoorwijzer: db backup: %s: %s\n", file, strerror(errno));
		rc = CLI_FAIL;
	}
	if (rc != CLI_OK) {
		unlink(part);
		return rc;
	}
	printf("backup written to %s\n", file);
	return CLI_OK;
}

/* Only into a database without a schema: a restore never mixes with, or
 * silently replaces, data that is there. */
static int check_empty(const char *url)
{
	struct sw_error err = { 0 };
	struct store *st = store_open(url, &err);
	int version = 0;
	if (st == NULL || store_schema_version(st, &version, &err) != 0) {
		store_close(st);
		return store_failure("--database", &err);
	}
	store_close(st);
	if (version != 0)
		return cli_usage_error("db restore: the database already has a schema (version %d);"
				       " restore into a new, empty database", version);
	return CLI_OK;
}

int cli_db_restore(const char *url, const char *file)
{
	struct stat sb;
	if (stat(file, &sb) != 0)
		return cli_usage_error("db restore: %s: %s", file, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return cli_usage_error("db restore: %s: not a regular file", file);
	int rc = check_empty(url);
	if (rc != CLI_OK)
		return rc;
	struct sw_error err = { 0 };
	if (is_pg(url)) {
		char dbname[4200];
		snprintf(dbname, sizeof dbname, "--dbname=%s", url);
		char *const argv[] = { "pg_restore", "--no-owner", "--no-privileges",
				       "--single-transaction", "--exit-on-error", dbname,
				       (char *)file, NULL };
		if ((rc = run(argv)) != CLI_OK)
			return rc;
	} else {
		struct store *st = store_open(url, &err);
		if (st == NULL)
			return store_failure("--database", &err);
		rc = db_restore(store_db(st), file, &err) == 0 ? CLI_OK : store_failure("db restore", &err);
		store_close(st);
		if (rc != CLI_OK)
			return rc;
	}
	/* What came in must be a Spoorwijzer database. */
	struct store *st = store_open(url, &err);
	int version = 0;
	if (st == NULL || store_schema_version(st, &version, &err) != 0) {
		store_close(st);
		return store_failure("db restore", &err);
	}
	store_close(st);
	if (version == 0) {
		fprintf(stderr, "spoorwijzer: db restore: %s holds no Spoorwijzer schema\n", file);
		return CLI_FAIL;
	}
	printf("restored %s: schema at version %d%s\n", file, version,
	       version < store_schema_latest() ? "; run `spoorwijzer db migrate` next" : "");
	return CLI_OK;
}
