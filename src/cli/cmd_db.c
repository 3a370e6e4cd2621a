/* cmd_db.c - `spoorwijzer db`: schema migrations, the demo data, backup
 * and restore (cmd_backup.c).
 *
 *   spoorwijzer db migrate --database URL
 *   spoorwijzer db seed --database URL [--date D] [--medical-key FILE]
 *   spoorwijzer db backup --database URL FILE
 *   spoorwijzer db restore --database URL FILE
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store/store.h"

static int help(void)
{
	printf("usage: spoorwijzer db migrate --database URL\n"
	       "       spoorwijzer db seed --database URL [--date D] [--medical-key FILE]\n"
	       "       spoorwijzer db backup --database URL FILE\n"
	       "       spoorwijzer db restore --database URL FILE\n\n"
	       "migrate  brings the schema up to date (safe to repeat)\n"
	       "seed     adds the demo organisations, users and cases, dated relative to\n"
	       "         --date (default: today in Europe/Amsterdam); does nothing when the\n"
	       "         demo data is already there; with --medical-key (or $"
	       CLI_MEDICAL_KEY_ENV ")\n"
	       "         also a medical note of the demo bedrijfsarts, sealed with that key\n"
	       "backup   writes a consistent copy of the whole database to FILE (never over an\n"
	       "         existing file) while the server runs: SQLite's online backup, or\n"
	       "         pg_dump's custom format for PostgreSQL\n"
	       "restore  loads such a FILE into a new, empty database (SQLite file or\n"
	       "         PostgreSQL database); then `db migrate` if the backup is older\n"
	       "The medical key is never in a backup: keep its file, apart from them.\n\n"
	       "URL is sqlite:PATH or postgresql://USER@HOST:PORT/DBNAME.\n");
	return CLI_OK;
}

/* Exit status for a store error: bad input is the user's, the rest ours. */
static int store_failure(const struct sw_error *err)
{
	fprintf(stderr, "spoorwijzer: %s%s%s\n", err->field, *err->field ? ": " : "", err->message);
	return err->code == SW_EINVAL ? CLI_USAGE : CLI_FAIL;
}

static int migrate(struct store *st)
{
	struct sw_error err = { 0 };
	int applied, version;
	if (store_migrate(st, &applied, &err) != 0 || store_schema_version(st, &version, &err) != 0)
		return store_failure(&err);
	printf("schema at version %d (%d migration%s applied)\n", version, applied,
	       applied == 1 ? "" : "s");
	return CLI_OK;
}

static int seed(struct store *st, sw_date today, const uint8_t *key)
{
	struct sw_error err = { 0 };
	char date[DATE_STRLEN];
	int rc = store_seed_demo(st, today, &err), medical = 1;
	if (rc < 0 || (key != NULL && (medical = store_seed_demo_medical(st, key, &err)) < 0))
		return store_failure(&err);
	if (medical == 0)
		printf("demo medical note added, sealed with the medical key\n");
	date_format(today, date);
	if (rc == 1)
		printf("demo data already present; nothing changed\n");
	else
		printf("demo data added, dated relative to %s; log in as "
		       "werknemer@demo.spoorwijzer.nl, werkgever@..., bedrijfsarts@...\n", date);
	return CLI_OK;
}

int cmd_db(int argc, char **argv)
{
	const char *sub = NULL, *url = NULL, *file = NULL, *key_file = getenv(CLI_MEDICAL_KEY_ENV);
	sw_date today = DATE_NONE;
	for (int i = 1; i < argc; i++) {
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return help();
		if (strcmp(argv[i], "--database") == 0) {
			if (val == NULL)
				return cli_usage_error("--database: missing URL (sqlite:PATH or postgresql://...)");
			url = val;
			i++;
		} else if (strcmp(argv[i], "--date") == 0) {
			if (cli_parse_date("--date", val, &today) != 0)
				return CLI_USAGE;
			i++;
		} else if (strcmp(argv[i], "--medical-key") == 0) {
			if (val == NULL)
				return cli_usage_error("--medical-key: missing FILE");
			key_file = val;
			i++;
		} else if (argv[i][0] != '-' && sub == NULL) {
			sub = argv[i];
		} else if (argv[i][0] != '-' && file == NULL && sub != NULL &&
			   (strcmp(sub, "backup") == 0 || strcmp(sub, "restore") == 0)) {
			file = argv[i];
		} else {
			return cli_usage_error("db: unknown argument '%s' (see spoorwijzer db --help)",
					       argv[i]);
		}
	}
	if (sub == NULL)
		return cli_usage_error("db: missing subcommand: migrate, seed, backup or restore");
	const bool with_file = strcmp(sub, "backup") == 0 || strcmp(sub, "restore") == 0;
	if (strcmp(sub, "migrate") != 0 && strcmp(sub, "seed") != 0 && !with_file)
		return cli_usage_error("db: unknown subcommand '%s': migrate, seed, backup or restore",
				       sub);
	if (url == NULL)
		return cli_usage_error("--database: required (sqlite:PATH or postgresql://...)");
	if (with_file && file == NULL)
		return cli_usage_error("db %s: missing FILE", sub);
	if (with_file && (today != DATE_NONE || key_file != getenv(CLI_MEDICAL_KEY_ENV)))
		return cli_usage_error("db %s: takes only --database URL FILE", sub);
	if (strcmp(sub, "backup") == 0)
		return cli_db_backup(url, file);
	if (strcmp(sub, "restore") == 0)
		return cli_db_restore(url, file);
	if (today != DATE_NONE && strcmp(sub, "seed") != 0)
		return cli_usage_error("--date: only for db seed");

	uint8_t key[32];
	const bool with_key = strcmp(sub, "seed") == 0 && key_file != NULL && *key_file != '\0';
	if (with_key && cli_medical_key_load("--medical-key", key_file, key) != CLI_OK)
		return CLI_USAGE;
	struct sw_error err = { 0 };
	struct store *st = store_open(url, &err);
	if (st == NULL) {
		fprintf(stderr, "spoorwijzer: --database: %s\n", err.message);
		return err.code == SW_EINVAL ? CLI_USAGE : CLI_FAIL;
	}
	int rc = strcmp(sub, "migrate") == 0 ? migrate(st)
					       : seed(st, today != DATE_NONE ? today : cli_today(),
						      with_key ? key : NULL);
	store_close(st);
	return rc;
}
