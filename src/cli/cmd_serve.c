/* cmd_serve.c - `spoorwijzer serve`: the API and the web portal until
 * SIGTERM or SIGINT, then a graceful stop. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/api.h"
#include "cli.h"
#include "http/http_health.h"
#include "http/http_metrics.h"
#include "http/http_ratelimit.h"
#include "http/http_router.h"
#include "http/http_server.h"
#include "http/http_static.h"

/* Login attempts per client address and login name: a burst of 5, then
 * one per 12 seconds (5 a minute). */
#define SERVE_LOGIN_RATE (1.0 / 12.0)
#define SERVE_LOGIN_BURST 5
#define SERVE_LOGIN_BUCKETS 65536

struct serve_opts {
	const char *database;
	const char *listen;
	const char *web;
	const char *medical_key;    /* file; or $SPOORWIJZER_MEDICAL_KEY_FILE */
	unsigned threads;
	size_t max_body;
	bool secure_cookies;
	bool trust_proxy;
	bool no_request_log;
	sw_date today;              /* --today (tests): DATE_NONE for the clock */
};

static int usage(FILE *out)
{
	fprintf(out,
		"usage: spoorwijzer serve --database URL --listen HOST:PORT [--web DIR]\n"
		"                         [--threads N] [--max-body BYTES]\n"
		"                         [--secure-cookies] [--trust-proxy]\n"
		"                         [--medical-key FILE] [--no-request-log]\n\n"
		"  --database URL    sqlite:PATH or postgresql://...\n"
		"  --listen HOST:PORT  address to serve on, e.g. 127.0.0.1:8080 or [::1]:8080\n"
		"  --web DIR         serve the built front end (web/dist) from DIR\n"
		"  --threads N       worker threads (default: one per core)\n"
		"  --max-body BYTES  largest request body (default 10485760)\n"
		"  --secure-cookies  mark cookies Secure (served behind TLS)\n"
		"  --trust-proxy     take the client address from X-Forwarded-For when the\n"
		"                    peer is a proxy on this host\n"
		"  --medical-key FILE  key of the medical domain (`spoorwijzer key generate`);\n"
		"                    default $" CLI_MEDICAL_KEY_ENV ". Without one the\n"
		"                    medical routes answer 503.\n"
		"  --no-request-log  no JSON line per request on stderr\n"
		"\nStops on SIGTERM or SIGINT after the requests in progress are answered.\n");
	return out == stdout ? CLI_OK : CLI_USAGE;
}

/* Not in the usage text: --today YYYY-MM-DD fixes the API's "today" for
 * tests and demos of a given day. */

static bool database_url_ok(const char *url)
{
	if (strncmp(url, "sqlite:", 7) == 0)
		return url[7] != '\0';
	if (strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0)
		return true;
	return false;
}

/* A whole number in [min, max], for --threads and --max-body. */
static int parse_count(const char *arg, const char *value, unsigned long long min,
		       unsigned long long max, unsigned long long *out)
{
	if (value == NULL)
		return cli_usage_error("%s: missing value", arg);
	char *end;
	errno = 0;
	const unsigned long long v = strtoull(value, &end, 10);
	/* strtoull accepts " 12" and "-1"; a count is digits only. */
	if (value[0] < '0' || value[0] > '9' || *end != '\0' || errno != 0 || v < min || v > max)
		return cli_usage_error("%s: '%s' is not a number from %llu to %llu", arg, value,
				       min, max);
	*out = v;
	return 0;
}

static int parse_args(int argc, char **argv, struct serve_opts *o)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		unsigned long long n;
		const char **text = strcmp(a, "--database") == 0 ? &o->database
				    : strcmp(a, "--listen") == 0 ? &o->listen
				    : strcmp(a, "--web") == 0    ? &o->web
				    : strcmp(a, "--medical-key") == 0 ? &o->medical_key
								 : NULL;
		if (text != NULL) {
			if (v == NULL)
				return cli_usage_error("%s: missing value", a);
			*text = v;
			i++;
		} else if (strcmp(a, "--threads") == 0) {
			if (parse_count(a, v, 1, 1024, &n) != 0)
				return CLI_USAGE;
			o->threads = (unsigned)n;
			i++;
		} else if (strcmp(a, "--max-body") == 0) {
			if (parse_count(a, v, 1024, (unsigned long long)1 << 30, &n) != 0)
				return CLI_USAGE;
			o->max_body = (size_t)n;
			i++;
		} else if (strcmp(a, "--secure-cookies") == 0) {
			o->secure_cookies = true;
		} else if (strcmp(a, "--trust-proxy") == 0) {
			o->trust_proxy = true;
		} else if (strcmp(a, "--no-request-log") == 0) {
			o->no_request_log = true;
		} else if (strcmp(a, "--today") == 0) {
			if (cli_parse_date(a, v, &o->today) != 0)
				return CLI_USAGE;
			i++;
		} else {
			return cli_usage_error("unknown argument '%s' (see serve --help)", a);
		}
	}
	if (o->medical_key == NULL) {
		const char *env = getenv(CLI_MEDICAL_KEY_ENV);
		o->medical_key = env != NULL && *env ? env : NULL;
	}
	if (o->database == NULL)
		return cli_usage_error("--database: missing (sqlite:PATH or postgresql://...)");
	if (!database_url_ok(o->database))
		return cli_usage_error("--database: '%s' is not sqlite:PATH or postgresql://...",
				       o->database);
	if (o->listen == NULL)
		return cli_usage_error("--listen: missing HOST:PORT");
	char host[HTTP_HOST_MAX];
	uint16_t port;
	struct sw_error err;
	if (http_parse_listen(o->listen, host, &port, &err) != 0)
		return cli_usage_error("--%s: %s", err.field, err.message);
	return CLI_OK;
}

static int ping_database(void *pool, struct sw_error *err)
{
	return store_pool_ping(pool, err);
}

/* The pool's part of /metrics. */
static void pool_metrics(void *pool, FILE *out)
{
	int size, busy;
	store_pool_stats(pool, &size, &busy);
	fprintf(out, "# HELP spoorwijzer_db_pool_connections Database connections of the pool.\n"
		     "# TYPE spoorwijzer_db_pool_connections gauge\n"
		     "spoorwijzer_db_pool_connections %d\n"
		     "# HELP spoorwijzer_db_pool_in_use Connections checked out by requests.\n"
		     "# TYPE spoorwijzer_db_pool_in_use gauge\n"
		     "spoorwijzer_db_pool_in_use %d\n", size, busy);
}

/* The health probe (with the database), /metrics, then every API
 * resource (api_register_all). health and metrics must outlive r. */
static int serve_register_api(struct router *r, struct api_app *app, struct http_health *health,
			      struct http_metrics *metrics, struct sw_error *err)
{
	health->database = ping_database;
	health->ctx = app->pool;
	if (http_health_register(r, health, err) != 0 ||
	    http_metrics_register(r, metrics, err) != 0)
		return -1;
	return api_register_all(r, app, err);
}

/* One connection per worker thread (as many as http_server starts), plus
 * one spare so that a CLI-side check never waits for a worker. */
static struct store_pool *open_pool(const struct serve_opts *o, int *rc)
{
	struct sw_error err;
	const long cores = sysconf(_SC_NPROCESSORS_ONLN);
	const unsigned threads = o->threads != 0 ? o->threads : cores > 0 ? (unsigned)cores : 1;
	struct store_pool *pool = store_pool_open(o->database, (int)threads + 1, &err);
	if (pool == NULL) {
		fprintf(stderr, "spoorwijzer: --database: %s\n", err.message);
		*rc = err.code == SW_EINVAL ? CLI_USAGE : CLI_FAIL;
		return NULL;
	}
	struct store *st = store_pool_get(pool, &err);
	int version = 0;
	const int ok = st != NULL && store_schema_version(st, &version, &err) == 0;
	if (st != NULL)
		store_pool_put(pool, st);
	if (!ok || version != store_schema_latest()) {
		if (ok)
			fprintf(stderr, "spoorwijzer: --database: schema is at version %d, not %d:"
				" run `spoorwijzer db migrate` first\n", version, store_schema_latest());
		else
			fprintf(stderr, "spoorwijzer: --database: %s\n", err.message);
		store_pool_close(pool);
		*rc = CLI_FAIL;
		return NULL;
	}
	return pool;
}

static int run(const struct serve_opts *o, struct router *r, struct http_static *files,
	       struct api_app *app, struct http_metrics *metrics)
{
	const struct http_site site = { .router = r, .files = files,
					.authenticate = api_authenticate, .app = app };
	const struct http_server_config cfg = {
		.listen = o->listen,
		.threads = o->threads,
		.max_body = o->max_body,
		.cookie_secure = o->secure_cookies,
		.trust_proxy = o->trust_proxy,
		.metrics = metrics,
		.log_requests = !o->no_request_log,
	};
	sigset_t stop;
	if (http_signals_block(&stop) != 0) {
		fprintf(stderr, "spoorwijzer: serve: cannot block signals\n");
		return CLI_FAIL;
	}
	struct sw_error err;
	struct http_server *srv = http_server_start(&cfg, &site, &err);
	if (srv == NULL) {
		fprintf(stderr, "spoorwijzer: --%s: %s\n", err.field[0] ? err.field : "listen",
			err.message);
		return err.code == SW_EINVAL ? CLI_USAGE : CLI_FAIL;
	}
	fprintf(stderr, "spoorwijzer: serving on %s (port %u)%s%s\n", o->listen,
		http_server_port(srv), files ? ", web from " : "", files ? o->web : "");
	const int sig = http_signals_wait(&stop);
	fprintf(stderr, "spoorwijzer: %s: finishing requests in progress\n",
		sig == SIGINT ? "SIGINT" : "SIGTERM");
	http_server_shutdown(srv);
	fprintf(stderr, "spoorwijzer: stopped\n");
	return CLI_OK;
}

int cmd_serve(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return usage(stdout);
	struct serve_opts o = { .today = DATE_NONE };
	if (parse_args(argc, argv, &o) != CLI_OK)
		return CLI_USAGE;
	struct sw_error err;
	uint8_t key[CRYPTO_KEY_BYTES];
	if (o.medical_key != NULL && cli_medical_key_load("--medical-key", o.medical_key, key) != 0)
		return CLI_USAGE;
	struct http_static *files = NULL;
	if (o.web != NULL && (files = http_static_open(o.web, &err)) == NULL)
		return cli_usage_error("--web: %s", err.message);
	/* Sets TZ to Europe/Amsterdam while there is one thread: the API's
	 * "today" is then the local date. */
	(void)cli_today();
	int rc = CLI_FAIL;
	struct store_pool *pool = open_pool(&o, &rc);
	if (pool == NULL) {
		http_static_close(files);
		return rc;
	}
	/* The app holds the routes' contexts: too big for the stack frame
	 * to be comfortable, and it must outlive the router. */
	struct api_app *app = malloc(sizeof *app);
	struct http_ratelimit *login_limit =
		http_ratelimit_new(SERVE_LOGIN_RATE, SERVE_LOGIN_BURST, SERVE_LOGIN_BUCKETS);
	struct router *r = router_new();
	struct http_health health;
	struct http_metrics *metrics = http_metrics_new(pool_metrics, pool);
	if (app == NULL || metrics == NULL || login_limit == NULL || r == NULL) {
		fprintf(stderr, "spoorwijzer: serve: out of memory\n");
	} else {
		api_app_init(app, pool, login_limit);
		app->fixed_today = o.today;
		if (o.medical_key != NULL) {
			memcpy(app->medical_key, key, sizeof key);
			app->has_medical_key = true;
		} else {
			fprintf(stderr, "spoorwijzer: no --medical-key: the medical domain answers"
				" 503\n");
		}
		if (serve_register_api(r, app, &health, metrics, &err) != 0)
			fprintf(stderr, "spoorwijzer: serve: %s: %s\n", err.field, err.message);
		else
			rc = run(&o, r, files, app, metrics);
	}
	router_free(r);
	http_metrics_free(metrics);
	if (app != NULL)
		crypto_wipe(app->medical_key, sizeof app->medical_key);
	crypto_wipe(key, sizeof key);
	free(app);
	http_ratelimit_free(login_limit);
	store_pool_close(pool);
	http_static_close(files);
	return rc;
}
