/* cmd_key.c - `spoorwijzer key generate FILE`: a new key of the medical
 * domain; `key rotate`: every medical note re-sealed under a new key; and
 * reading one (serve --medical-key, db seed --medical-key).
 *
 * The key lives in a file outside the database (DOMAIN.md section 3), as
 * 64 hex characters, readable by its owner only: a database dump or backup
 * without the file holds no readable medical note. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "core/crypto.h"
#include "store/store.h"

static int help(void)
{
	printf("usage: spoorwijzer key generate FILE\n"
	       "       spoorwijzer key rotate --database URL --old-key FILE --new-key FILE\n\n"
	       "generate  writes a new key for the medical domain to FILE (mode 0600); refuses\n"
	       "          to overwrite an existing file. Keep it outside the database and its\n"
	       "          backups: without it no medical note can be read, and with another\n"
	       "          key neither. Give it to `spoorwijzer serve --medical-key FILE`.\n"
	       "rotate    re-seals every medical note under the new key (made with generate),\n"
	       "          100 notes per transaction while the servers run; afterwards the old\n"
	       "          key opens nothing. Restart the servers with --medical-key NEW: until\n"
	       "          then their medical routes answer 503 for re-sealed notes (the rest\n"
	       "          of the system is not affected). Safe to run again.\n");
	return CLI_OK;
}

static int generate(const char *path)
{
	if (crypto_init() != 0) {
		fprintf(stderr, "spoorwijzer: key: libsodium cannot start\n");
		return CLI_FAIL;
	}
	const int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return cli_usage_error("key generate: %s exists; not overwritten", path);
		fprintf(stderr, "spoorwijzer: key generate: %s: %s\n", path, strerror(errno));
		return CLI_FAIL;
	}
	uint8_t key[CRYPTO_KEY_BYTES];
	char text[CRYPTO_KEY_HEXLEN + 1];
	crypto_key_new(key);
	crypto_key_hex(key, text);
	text[CRYPTO_KEY_HEXLEN - 1] = '\n';
	const ssize_t n = write(fd, text, CRYPTO_KEY_HEXLEN);
	crypto_wipe(key, sizeof key);
	crypto_wipe(text, sizeof text);
	if (n != CRYPTO_KEY_HEXLEN || fsync(fd) != 0 || close(fd) != 0) {
		fprintf(stderr, "spoorwijzer: key generate: %s: %s\n", path, strerror(errno));
		unlink(path);
		return CLI_FAIL;
	}
	fprintf(stderr, "spoorwijzer: medical key written to %s\n", path);
	return CLI_OK;
}

int cli_medical_key_load(const char *arg, const char *path, uint8_t key[CRYPTO_KEY_BYTES])
{
	char text[2 * CRYPTO_KEY_HEXLEN];
	struct stat sb;
	const int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return cli_usage_error("%s: %s: %s", arg, path, strerror(errno));
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return cli_usage_error("%s: %s is not a regular file", arg, path);
	}
	/* Like ssh with a private key: a key others can read is not secret. */
	if (sb.st_mode & (S_IRWXG | S_IRWXO)) {
		close(fd);
		return cli_usage_error("%s: %s is accessible to others (chmod 600 %s)", arg, path,
				       path);
	}
	const ssize_t n = read(fd, text, sizeof text);
	close(fd);
	const int bad = n <= 0 || crypto_key_parse(text, (size_t)n, key) != 0;
	crypto_wipe(text, sizeof text);
	if (bad)
		return cli_usage_error("%s: %s is not a key (64 hex characters; see"
				       " `spoorwijzer key generate`)", arg, path);
	return CLI_OK;
}

static int rotate(int argc, char **argv)
{
	const char *url = NULL, *old_file = NULL, *new_file = NULL;
	for (int i = 2; i < argc; i++) {
		const char **slot = strcmp(argv[i], "--database") == 0  ? &url
				     : strcmp(argv[i], "--old-key") == 0 ? &old_file
				     : strcmp(argv[i], "--new-key") == 0 ? &new_file
									 : NULL;
		if (slot == NULL)
			return cli_usage_error("key rotate: unknown argument '%s'", argv[i]);
		if (i + 1 >= argc)
			return cli_usage_error("%s: missing value", argv[i]);
		*slot = argv[++i];
	}
	if (url == NULL || old_file == NULL || new_file == NULL)
		return cli_usage_error("key rotate: needs --database URL --old-key FILE"
				       " --new-key FILE");
	uint8_t old_key[CRYPTO_KEY_BYTES], new_key[CRYPTO_KEY_BYTES];
	if (crypto_init() != 0 || cli_medical_key_load("--old-key", old_file, old_key) != CLI_OK)
		return CLI_USAGE;
	if (cli_medical_key_load("--new-key", new_file, new_key) != CLI_OK) {
		crypto_wipe(old_key, sizeof old_key);
		return CLI_USAGE;
	}
	struct sw_error err = { 0 };
	struct store *st = store_open(url, &err);
	int rc = CLI_FAIL;
	size_t n = 0;
	if (st == NULL) {
		fprintf(stderr, "spoorwijzer: --database: %s\n", err.message);
		rc = err.code == SW_EINVAL ? CLI_USAGE : CLI_FAIL;
	} else if (store_medical_reseal(st, old_key, new_key, &n, &err) != 0) {
		fprintf(stderr, "spoorwijzer: key rotate: %s%s%s (%zu notes re-sealed before)\n",
			err.field, *err.field ? ": " : "", err.message, n);
		rc = err.code == SW_EINVAL ? CLI_USAGE : CLI_FAIL;
	} else {
		printf("%zu medical note%s re-sealed with %s; start the servers with --medical-key"
		       " %s and destroy the old key\n", n, n == 1 ? "" : "s", new_file, new_file);
		rc = CLI_OK;
	}
	store_close(st);
	crypto_wipe(old_key, sizeof old_key);
	crypto_wipe(new_key, sizeof new_key);
	return rc;
}

int cmd_key(int argc, char **argv)
{
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0))
		return help();
	if (argc >= 2 && strcmp(argv[1], "rotate") == 0)
		return rotate(argc, argv);
	if (argc != 3 || strcmp(argv[1], "generate") != 0)
		return cli_usage_error("key: usage: spoorwijzer key generate FILE |"
				       " key rotate --database URL --old-key FILE --new-key FILE");
	return generate(argv[2]);
}
