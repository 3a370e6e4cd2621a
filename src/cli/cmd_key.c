/* cmd_key.c - `spoorwijzer key generate FILE`: a new key of the medical
 * domain, and reading one (serve --medical-key, db seed --medical-key).
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

static int help(void)
{
	printf("usage: spoorwijzer key generate FILE\n\n"
	       "Writes a new key for the medical domain to FILE (mode 0600); refuses to\n"
	       "overwrite an existing file. Keep it outside the database and its backups:\n"
	       "without it no medical note can be read, and with another key neither.\n"
	       "Give it to `spoorwijzer serve --medical-key FILE`.\n");
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

int cmd_key(int argc, char **argv)
{
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0))
		return help();
	if (argc != 3 || strcmp(argv[1], "generate") != 0)
		return cli_usage_error("key: usage: spoorwijzer key generate FILE");
	return generate(argv[2]);
}
