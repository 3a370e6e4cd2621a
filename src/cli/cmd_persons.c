/* cmd_persons.c - `spoorwijzer persons import`: the employee register of an
 * organisation from an HR system export (the columns of core/register.h),
 * all or nothing, as POST /api/v1/organisations/{id}/persons/import does.
 *
 *   spoorwijzer persons import --database URL --organisation ID FILE [--dry-run]
 *
 * Every refused line is printed as "FILE: line N, COLUMN: reason" and the
 * exit status is 2 with nothing stored; a run that stores (or, with
 * --dry-run, would store) everything prints one line of counts. */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store/store.h"

/* An HR export of a large employer is some megabytes; this is far above. */
#define PERSONS_FILE_MAX ((size_t)256 << 20)

static int help(void)
{
	printf("usage: spoorwijzer persons import --database URL --organisation ID FILE [--dry-run]\n\n"
	       "Imports the employee register of organisation ID from FILE, a CSV export of an\n"
	       "HR system (UTF-8 with or without BOM, ';' or ',', a header row). Columns:\n"
	       "personeelsnummer, naam, datum_in_dienst, contracturen, normuren (required);\n"
	       "geboortedatum, afdeling, leidinggevende (a personnel number), email,\n"
	       "datum_uit_dienst, functie (optional). A known personnel number updates that\n"
	       "person, its employment is matched by datum_in_dienst; departments are created\n"
	       "by name. All or nothing: any refused line is printed and nothing is stored.\n"
	       "--dry-run checks everything and stores nothing.\n");
	return CLI_OK;
}

/* The whole file, NUL-terminated; NULL with a message printed. */
static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		cli_usage_error("%s: %s", path, strerror(errno));
		return NULL;
	}
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	while (buf != NULL) {
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap || ferror(f))
			break;
		char *grown = cap < PERSONS_FILE_MAX ? realloc(buf, cap * 2) : NULL;
		if (grown == NULL) {
			free(buf);
			buf = NULL;
			break;
		}
		buf = grown;
		cap *= 2;
	}
	const bool bad = buf == NULL || ferror(f);
	fclose(f);
	if (bad) {
		free(buf);
		cli_usage_error("%s: cannot be read (at most %zu MiB)", path, PERSONS_FILE_MAX >> 20);
		return NULL;
	}
	*len = n;
	return buf;
}

static int import(const char *url, int64_t org, const char *path, bool dry_run)
{
	size_t len;
	char *csv = read_file(path, &len);
	if (csv == NULL)
		return CLI_USAGE;
	struct sw_error err = { 0 };
	struct store *st = store_open(url, &err);
	if (st == NULL) {
		free(csv);
		fprintf(stderr, "spoorwijzer: --database: %s\n", err.message);
		return err.code == SW_EINVAL ? CLI_USAGE : CLI_FAIL;
	}
	struct store_import_report rep;
	int rc = store_register_import(st, org, csv, len, dry_run, &rep, &err);
	free(csv);
	store_close(st);
	if (rc != 0) {
		store_import_report_free(&rep);
		if (err.code == SW_ENOTFOUND)
			return cli_usage_error("--organisation: no organisation %" PRId64, org);
		fprintf(stderr, "spoorwijzer: %s\n", err.message);
		return CLI_FAIL;
	}
	if (rep.refused_total > 0) {
		for (size_t i = 0; i < rep.nrefused; i++)
			fprintf(stderr, "spoorwijzer: %s: line %zu%s%s: %s\n", path, rep.refused[i].line,
				*rep.refused[i].field ? ", " : "", rep.refused[i].field,
				rep.refused[i].message);
		if (rep.refused_total > rep.nrefused)
			fprintf(stderr, "spoorwijzer: %s: %zu more refusals not listed\n", path,
				rep.refused_total - rep.nrefused);
		fprintf(stderr, "spoorwijzer: %s: %zu line%s refused; nothing was stored\n", path,
			rep.refused_total, rep.refused_total == 1 ? "" : "s");
		store_import_report_free(&rep);
		return CLI_USAGE;
	}
	printf("%s%zu line%s: %zu person%s added, %zu updated%s\n", dry_run ? "dry run: " : "",
	       rep.lines, rep.lines == 1 ? "" : "s", rep.created, rep.created == 1 ? "" : "s",
	       rep.updated, dry_run ? "; nothing was stored" : "");
	store_import_report_free(&rep);
	return CLI_OK;
}

int cmd_persons(int argc, char **argv)
{
	const char *url = NULL, *path = NULL;
	int64_t org = 0;
	bool dry_run = false, sub = false;
	for (int i = 1; i < argc; i++) {
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return help();
		if (strcmp(argv[i], "--database") == 0) {
			if (val == NULL)
				return cli_usage_error("--database: missing URL (sqlite:PATH or postgresql://...)");
			url = val;
			i++;
		} else if (strcmp(argv[i], "--organisation") == 0) {
			char *end;
			errno = 0;
			const long long id = val != NULL ? strtoll(val, &end, 10) : 0;
			if (val == NULL || *val == '\0' || *end != '\0' || errno != 0 || id < 1)
				return cli_usage_error("--organisation: '%s' is not an organisation id",
						       val != NULL ? val : "");
			org = id;
			i++;
		} else if (strcmp(argv[i], "--dry-run") == 0) {
			dry_run = true;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			return cli_usage_error("persons: unknown option '%s' (see spoorwijzer persons --help)",
					       argv[i]);
		} else if (!sub) {
			if (strcmp(argv[i], "import") != 0)
				return cli_usage_error("persons: unknown subcommand '%s', expected 'import'",
						       argv[i]);
			sub = true;
		} else if (path == NULL) {
			path = argv[i];
		} else {
			return cli_usage_error("persons import: one FILE, not also '%s'", argv[i]);
		}
	}
	if (!sub)
		return cli_usage_error("persons: missing subcommand, expected 'import'");
	if (url == NULL)
		return cli_usage_error("--database: required (sqlite:PATH or postgresql://...)");
	if (org == 0)
		return cli_usage_error("--organisation: required (the organisation's id)");
	if (path == NULL)
		return cli_usage_error("persons import: missing FILE");
	return import(url, org, path, dry_run);
}
