/* main.c - `spoorwijzer COMMAND ...`: dispatch to one file per command. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *help;
} commands[] = {
	{ "timeline", cmd_timeline, "compute the Poortwachter deadlines of a sick history" },
	{ "db", cmd_db, "migrate or seed a database (sqlite:PATH or postgresql://...)" },
	{ "signals", cmd_signals, "daily run: what is due in 14 days or overdue, per case and party" },
	{ "serve", cmd_serve, "serve the API and the web portal" },
	{ "key", cmd_key, "generate or rotate the key of the medical domain" },
	{ "network", cmd_network, "alerts to network employers: new matching candidates (teasers)" },
	{ "retention", cmd_retention, "remove the case data whose retention term passed (AVG)" },
	{ "persons", cmd_persons, "import the employee register of an organisation from a CSV" },
};

static int usage(FILE *out)
{
	fprintf(out, "usage: spoorwijzer COMMAND [OPTIONS]\n\ncommands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].help);
	fprintf(out, "\n`spoorwijzer COMMAND --help` describes a command.\n");
	return out == stdout ? CLI_OK : CLI_USAGE;
}

sw_date cli_today(void)
{
	/* Deadlines are calendar dates in Europe/Amsterdam whatever the
	 * server's own zone is. */
	setenv("TZ", "Europe/Amsterdam", 1);
	tzset();
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int cli_usage_error(const char *fmt, ...)
{
	va_list ap;
	fputs("spoorwijzer: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CLI_USAGE;
}

int cli_parse_date(const char *arg, const char *value, sw_date *out)
{
	if (value == NULL) {
		cli_usage_error("%s: missing date (YYYY-MM-DD)", arg);
		return -1;
	}
	if (date_parse(value, out) != 0) {
		cli_usage_error("%s: '%s' is not a valid date (YYYY-MM-DD, %d-%d)",
				arg, value, DATE_MIN_YEAR, DATE_MAX_YEAR);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage(stderr);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0)
		return usage(stdout);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	cli_usage_error("unknown command '%s'", argv[1]);
	return usage(stderr);
}
