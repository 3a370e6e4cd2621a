/* cmd_retention.c - `spoorwijzer retention run`: removes, for real, the
 * data of the cases whose retention term passed (AVG), and records what
 * it removed - counts, never content - in the audit log.
 *
 *   spoorwijzer retention run --database URL [--dry-run] [--years N] [--date D]
 *
 * The term (core/retention) runs from the later of the end of the case and
 * the end of the employee's employment with the case's employer; default
 * 2 years. Only closed cases (status gesloten) are considered. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "store/store.h"

static int help(void)
{
	printf("usage: spoorwijzer retention run --database URL [--dry-run] [--years N]"
	       " [--date D]\n\n"
	       "Removes every closed case whose retention term has passed, with all that\n"
	       "hangs off it (periods, events, deadlines, documents and attachments, sealed\n"
	       "medical notes, messages, consents, decisions, network entries, placements),\n"
	       "and writes per case what it removed (counts, not content) to the audit log.\n"
	       "The term runs from the later of the end of the case (the last day of its last\n"
	       "sick period) and the end of the employee's employment with the employer.\n\n"
	       "  --dry-run   list what would be removed; change nothing\n"
	       "  --years N   the term in years (default %d)\n"
	       "  --date D    count to this day instead of today (Europe/Amsterdam)\n",
	       RETENTION_DEFAULT_YEARS);
	return CLI_OK;
}

static void print_counts(const struct store_retention_counts *c)
{
	printf("%lld periods, %lld events, %lld documents, %lld attachments, %lld medical notes,"
	       " %lld messages, %lld participations, %lld decisions, %lld placements,"
	       " %lld consents\n",
	       (long long)c->periods, (long long)c->events, (long long)c->documents,
	       (long long)c->attachments, (long long)c->medical_notes, (long long)c->messages,
	       (long long)c->participations, (long long)c->decisions, (long long)c->placements,
	       (long long)c->consents);
}

static int run(struct store *st, sw_date today, int years, bool dry_run)
{
	struct store_arena a = { 0 };
	struct store_retention_case *cs;
	size_t n, removed = 0;
	struct sw_error err = { 0 };
	int rc = CLI_OK;
	if (store_retention_cases(st, &a, &cs, &n, &err) != 0) {
		fprintf(stderr, "spoorwijzer: retention: %s\n", err.message);
		store_arena_free(&a);
		return CLI_FAIL;
	}
	for (size_t i = 0; i < n; i++) {
		cs[i].in.years = years;
		sw_date due;
		if (retention_decide(&cs[i].in, today, &due) != RETENTION_REMOVE)
			continue;
		char day[DATE_STRLEN];
		date_format(due, day);
		struct store_retention_counts c;
		if (dry_run ? store_retention_count(st, cs[i].case_id, &c, &err)
			    : store_retention_remove(st, cs[i].case_id, due, &c, &err)) {
			fprintf(stderr, "spoorwijzer: retention: case %lld: %s\n",
				(long long)cs[i].case_id, err.message);
			rc = CLI_FAIL;
			continue;
		}
		printf("case %lld %s (term passed on %s): ", (long long)cs[i].case_id,
		       dry_run ? "would be removed" : "removed", day);
		print_counts(&c);
		removed++;
	}
	printf("%zu of %zu closed case%s %s\n", removed, n, n == 1 ? "" : "s",
	       dry_run ? "would be removed (dry run: nothing changed)" : "removed");
	store_arena_free(&a);
	return rc;
}

int cmd_retention(int argc, char **argv)
{
	const char *url = NULL;
	bool dry_run = false, sub = false;
	sw_date today = DATE_NONE;
	int years = RETENTION_DEFAULT_YEARS;
	for (int i = 1; i < argc; i++) {
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return help();
		if (strcmp(argv[i], "--database") == 0) {
			if (val == NULL)
				return cli_usage_error("--database: missing URL");
			url = val;
			i++;
		} else if (strcmp(argv[i], "--dry-run") == 0) {
			dry_run = true;
		} else if (strcmp(argv[i], "--years") == 0) {
			char *end;
			errno = 0;
			const long v = val != NULL ? strtol(val, &end, 10) : 0;
			if (val == NULL || *val < '0' || *val > '9' || *end != '\0' || errno != 0 ||
			    v < 1 || v > RETENTION_MAX_YEARS)
				return cli_usage_error("--years: '%s' is not a number from 1 to %d",
						       val != NULL ? val : "", RETENTION_MAX_YEARS);
			years = (int)v;
			i++;
		} else if (strcmp(argv[i], "--date") == 0) {
			if (cli_parse_date("--date", val, &today) != 0)
				return CLI_USAGE;
			i++;
		} else if (strcmp(argv[i], "run") == 0 && !sub) {
			sub = true;
		} else {
			return cli_usage_error("retention: unknown argument '%s' (see retention --help)",
					       argv[i]);
		}
	}
	if (!sub)
		return cli_usage_error("retention: missing subcommand: run");
	if (url == NULL)
		return cli_usage_error("--database: required (sqlite:PATH or postgresql://...)");
	struct sw_error err = { 0 };
	struct store *st = store_open(url, &err);
	if (st == NULL) {
		fprintf(stderr, "spoorwijzer: --database: %s\n", err.message);
		return err.code == SW_EINVAL ? CLI_USAGE : CLI_FAIL;
	}
	const int rc = run(st, today != DATE_NONE ? today : cli_today(), years, dry_run);
	store_close(st);
	return rc;
}
