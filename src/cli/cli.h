/* cli.h - the subcommands of the `spoorwijzer` command. Each returns the
 * process exit status: 0 success, 1 failure of the system (store, I/O),
 * 2 bad usage or bad input (the message names the argument). */
#ifndef SW_CLI_H
#define SW_CLI_H

#include <stdint.h>

#include "core/date.h"

#define CLI_OK 0
#define CLI_FAIL 1
#define CLI_USAGE 2

int cmd_timeline(int argc, char **argv);
int cmd_db(int argc, char **argv);
int cmd_signals(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_key(int argc, char **argv);
int cmd_network(int argc, char **argv);
int cmd_retention(int argc, char **argv);
int cmd_persons(int argc, char **argv);

/* `db backup URL FILE` and `db restore URL FILE` (cmd_backup.c). */
int cli_db_backup(const char *url, const char *file);
int cli_db_restore(const char *url, const char *file);

/* Reads the medical key from path (cmd_key.c): a regular file only its
 * owner may access, holding 64 hex characters. Anything else prints
 * "spoorwijzer: ARG: ..." and returns CLI_USAGE. */
#define CLI_MEDICAL_KEY_ENV "SPOORWIJZER_MEDICAL_KEY_FILE"
int cli_medical_key_load(const char *arg, const char *path, uint8_t key[32]);

/* Today's calendar date in Europe/Amsterdam, the legal time zone. */
sw_date cli_today(void);

/* Parses "--date D"-style values; prints "spoorwijzer: ARG: ..." and returns
 * -1 on a bad date. */
int cli_parse_date(const char *arg, const char *value, sw_date *out);

/* Prints "spoorwijzer: " + message to stderr; returns CLI_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
