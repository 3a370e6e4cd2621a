/* http_server.h - the HTTP server on libmicrohttpd.
 *
 * A pool of worker threads (one per core by default), each running its own
 * epoll loop; a handler runs on the worker that read its request. Bodies
 * are collected up to a limit (413 beyond it), then the complete request
 * goes to http_dispatch(). Shutdown is graceful: stop accepting, let every
 * request already received finish and its response go out, then stop - a
 * write that was acknowledged is never cut off, one that was not is never
 * half-done by us. */
#ifndef SW_HTTP_SERVER_H
#define SW_HTTP_SERVER_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "http_dispatch.h"
#include "http_metrics.h"

/* Room for a 10 MiB attachment (a scan, a photo); JSON bodies are held to
 * JSON_BODY_MAX_BYTES by json_body_parse. */
#define HTTP_DEFAULT_MAX_BODY ((size_t)10 << 20)
#define HTTP_DEFAULT_CONNECTION_TIMEOUT 30  /* seconds idle */
#define HTTP_DEFAULT_DRAIN_MS 30000
#define HTTP_HOST_MAX 256

struct http_server_config {
	const char *listen;          /* "host:port" or "[v6]:port"; port 0: any free port */
	unsigned threads;            /* 0: one per online core */
	size_t max_body;             /* 0: HTTP_DEFAULT_MAX_BODY */
	unsigned connection_timeout; /* 0: HTTP_DEFAULT_CONNECTION_TIMEOUT */
	unsigned drain_ms;           /* shutdown waits this long for requests; 0: default */
	bool cookie_secure;          /* behind TLS: cookies get Secure */
	/* Behind a reverse proxy on this host: when the peer is loopback, the
	 * client address is the last X-Forwarded-For entry. */
	bool trust_proxy;
	/* Counts of every request (GET /metrics serves them); NULL: none. */
	struct http_metrics *metrics;
	/* One JSON line per request on stderr: time, method, path (without
	 * the query, which may hold names), route, status, ms, client. */
	bool log_requests;
};

struct http_server;

/* Splits "host:port" ("[::1]:8080" for IPv6). Returns -1 with SW_EINVAL
 * on field "listen" for a missing host or a port outside 0-65535. */
int http_parse_listen(const char *listen, char host[HTTP_HOST_MAX], uint16_t *port,
		      struct sw_error *err);

/* Binds, listens and starts the workers. site is copied; what it points
 * to must outlive the server. Returns NULL with err (SW_EINVAL for a bad
 * address, SW_EINTERNAL when binding or starting fails). */
struct http_server *http_server_start(const struct http_server_config *cfg,
				      const struct http_site *site, struct sw_error *err);

/* The port actually bound (useful with port 0). */
uint16_t http_server_port(const struct http_server *s);

/* Graceful stop as described above, then frees s. Requests still running
 * after drain_ms are cut off (and reported on stderr). */
void http_server_shutdown(struct http_server *s);

/* Blocks SIGINT, SIGTERM and SIGPIPE in the calling thread and every thread
 * it starts afterwards (call before http_server_start), and fills set with
 * the signals that mean "stop". Taking them synchronously with
 * http_signals_wait needs no handler and no global state. */
int http_signals_block(sigset_t *set);

/* Waits for one of set; returns its number. */
int http_signals_wait(const sigset_t *set);

#endif
