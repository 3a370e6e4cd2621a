#include "http_server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "http_json.h"
#include "http_uri.h"

#define HTTP_CONNECTION_LIMIT 4096

struct http_server {
	struct MHD_Daemon *daemon;
	struct http_site site;
	size_t max_body;
	unsigned drain_ms;
	bool cookie_secure;
	bool trust_proxy;
	bool log_requests;
	struct http_metrics *metrics;
	uint16_t port;
	atomic_uint inflight;    /* requests between first callback and completion */
	atomic_bool draining;    /* shutting down: close connections after answering */
};

/* One request, from the URI callback to MHD's completion notice. */
struct req_ctx {
	struct http_request req;
	char *body;
	size_t len, cap;
	bool started;            /* counted in inflight */
	bool too_large;
	bool answered;           /* a response was queued before the body */
	bool bad_target;         /* the raw target failed http_uri_check */
	struct sw_error target_err;
	struct timespec start;   /* the first callback */
};

static double seconds_since(const struct timespec *t0)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Counts the answer and writes its log line. */
static void account(struct http_server *s, const struct req_ctx *rc, const char *method,
		    const char *url, unsigned status)
{
	if (s->metrics == NULL && !s->log_requests)
		return;
	const double secs = seconds_since(&rc->start);
	const char *route = rc->req.route != NULL ? rc->req.route
			    : s->site.files != NULL && status < 400 ? "static"
								     : "other";
	if (s->metrics != NULL)
		http_metrics_observe(s->metrics, method, route, status, secs);
	if (!s->log_requests)
		return;
	char ts[64];
	struct timespec wall;
	struct tm tm;
	clock_gettime(CLOCK_REALTIME, &wall);
	gmtime_r(&wall.tv_sec, &tm);
	snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ", tm.tm_year + 1900,
		 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
		 (long)(wall.tv_nsec / 1000000L) % 1000);
	/* The path as asked for, without the query; not decoded when it was
	 * refused (bad encoding), so the line shows what came in. */
	const char *path = rc->req.path != NULL ? rc->req.path : url;
	json_t *line = json_pack("{s:s, s:s, s:s%, s:s, s:i, s:f, s:s}", "ts", ts, "method",
				 method, "path", path, strcspn(path, "?"), "route", route,
				 "status", (int)status, "ms", secs * 1000.0, "client",
				 rc->req.client_addr[0] ? rc->req.client_addr : "unknown");
	char *text = line != NULL ? json_dumps(line, JSON_COMPACT) : NULL;
	if (text != NULL)
		fprintf(stderr, "%s\n", text);
	free(text);
	json_decref(line);
}

static int bad_port(const char *listen, struct sw_error *err)
{
	return sw_error_set(err, SW_EINVAL, "listen", "'%s': port must be a number 0-65535",
			    listen);
}

int http_parse_listen(const char *listen, char host[HTTP_HOST_MAX], uint16_t *port,
		      struct sw_error *err)
{
	if (listen == NULL)
		return sw_error_set(err, SW_EINVAL, "listen", "missing HOST:PORT");
	const char *h = listen, *colon;
	size_t hlen;
	if (listen[0] == '[') {
		const char *close_br = strchr(listen, ']');
		if (close_br == NULL || close_br[1] != ':')
			return sw_error_set(err, SW_EINVAL, "listen", "'%s' is not [IPv6]:PORT",
					    listen);
		h = listen + 1;
		hlen = (size_t)(close_br - h);
		colon = close_br + 1;
	} else {
		colon = strrchr(listen, ':');
		if (colon == NULL)
			return sw_error_set(err, SW_EINVAL, "listen", "'%s' is not HOST:PORT", listen);
		hlen = (size_t)(colon - listen);
		/* An IPv6 address needs brackets, or its last group is the port. */
		if (memchr(listen, ':', hlen) != NULL)
			return sw_error_set(err, SW_EINVAL, "listen",
					    "'%s': write IPv6 addresses as [ADDR]:PORT", listen);
	}
	if (hlen == 0 || hlen >= HTTP_HOST_MAX)
		return sw_error_set(err, SW_EINVAL, "listen",
				    "'%s': missing or too long host (e.g. 127.0.0.1:8080)", listen);
	const char *p = colon + 1;
	if (*p == '\0' || strlen(p) > 5)
		return bad_port(listen, err);
	unsigned long v = 0;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return bad_port(listen, err);
		v = v * 10 + (unsigned long)(*p - '0');
	}
	if (v > 65535)
		return bad_port(listen, err);
	memcpy(host, h, hlen);
	host[hlen] = '\0';
	*port = (uint16_t)v;
	return 0;
}

/* Binds and listens on the first address host resolves to. */
static int listen_socket(const char *host, uint16_t port, struct sw_error *err)
{
	char service[8];
	snprintf(service, sizeof service, "%u", port);
	struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
				  .ai_flags = AI_PASSIVE | AI_NUMERICSERV };
	struct addrinfo *ai;
	const int rc = getaddrinfo(host, service, &hints, &ai);
	if (rc != 0)
		return sw_error_set(err, SW_EINVAL, "listen", "cannot resolve '%s': %s", host,
				    gai_strerror(rc));
	int fd = -1, saved = 0;
	for (struct addrinfo *a = ai; a != NULL; a = a->ai_next) {
		fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK,
			    a->ai_protocol);
		if (fd < 0) {
			saved = errno;
			continue;
		}
		const int on = 1;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
		if (a->ai_family == AF_INET6)
			setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on);
		if (bind(fd, a->ai_addr, a->ai_addrlen) == 0 && listen(fd, 1024) == 0)
			break;
		saved = errno;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(ai);
	if (fd < 0)
		return sw_error_set(err, SW_EINTERNAL, "listen", "cannot listen on %s:%u: %s", host,
				    port, strerror(saved));
	return fd;
}

struct kv_sink {
	struct http_kv *kv;
	size_t *n;
	size_t max;
	bool overflow;
};

static enum MHD_Result collect_kv(void *cls, enum MHD_ValueKind kind, const char *key,
				  const char *value)
{
	(void)kind;
	struct kv_sink *sink = cls;
	if (*sink->n == sink->max) {
		sink->overflow = true;
		return MHD_NO;
	}
	sink->kv[(*sink->n)++] = (struct http_kv){ key, value ? value : "" };
	return MHD_YES;
}

static bool is_loopback(const struct sockaddr *sa)
{
	if (sa->sa_family == AF_INET)
		return (ntohl(((const struct sockaddr_in *)(const void *)sa)->sin_addr.s_addr) >> 24) == 127;
	if (sa->sa_family == AF_INET6)
		return IN6_IS_ADDR_LOOPBACK(&((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr);
	return false;
}

/* The last X-Forwarded-For entry: the one our own proxy appended. */
static bool forwarded_for(const struct http_request *req, char out[HTTP_ADDR_MAX])
{
	const char *xff = http_request_header(req, "X-Forwarded-For");
	if (xff == NULL)
		return false;
	const char *last = strrchr(xff, ',');
	last = last ? last + 1 : xff;
	while (*last == ' ' || *last == '\t')
		last++;
	size_t len = strcspn(last, " \t");
	if (len == 0 || len >= HTTP_ADDR_MAX)
		return false;
	char candidate[HTTP_ADDR_MAX];
	memcpy(candidate, last, len);
	candidate[len] = '\0';
	unsigned char bin[sizeof(struct in6_addr)];
	if (inet_pton(AF_INET, candidate, bin) != 1 && inet_pton(AF_INET6, candidate, bin) != 1)
		return false;
	memcpy(out, candidate, len + 1);
	return true;
}

static void client_address(const struct http_server *s, struct MHD_Connection *c,
			   struct http_request *req)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	strcpy(req->client_addr, "unknown");
	if (ci == NULL || ci->client_addr == NULL)
		return;
	const struct sockaddr *sa = ci->client_addr;
	const socklen_t len = sa->sa_family == AF_INET6 ? sizeof(struct sockaddr_in6)
							: sizeof(struct sockaddr_in);
	getnameinfo(sa, len, req->client_addr, sizeof req->client_addr, NULL, 0, NI_NUMERICHOST);
	if (s->trust_proxy && is_loopback(sa))
		forwarded_for(req, req->client_addr);
}

/* Hands res to MHD (body or fd ownership moves with it) and frees the
 * rest of res. */
static enum MHD_Result queue(struct http_server *s, struct MHD_Connection *c,
			     struct http_response *res)
{
	struct MHD_Response *r;
	if (res->fd >= 0 && res->fd_size > 0) {
		r = MHD_create_response_from_fd64(res->fd_size, res->fd);
		if (r != NULL)
			res->fd = -1;
	} else if (res->body_len > 0) {
		r = MHD_create_response_from_buffer_with_free_callback(res->body_len, res->body,
									free);
		if (r != NULL)
			res->body = NULL;
	} else {
		r = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
	}
	enum MHD_Result ret = MHD_NO;
	if (r != NULL) {
		for (size_t i = 0; i < res->nheaders; i++)
			MHD_add_response_header(r, res->headers[i].name, res->headers[i].value);
		if (atomic_load(&s->draining))
			MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
		ret = MHD_queue_response(c, res->status, r);
		MHD_destroy_response(r);
	}
	http_response_free(res);
	return ret;
}

/* An answer produced by the server itself (413, 400), not by dispatch. */
static enum MHD_Result queue_error(struct http_server *s, struct MHD_Connection *c,
				   const struct sw_error *err)
{
	struct http_response res;
	http_response_init(&res);
	http_response_error(&res, err);
	http_response_header(&res, "Cache-Control", "no-store", NULL);
	http_security_headers(&res);
	return queue(s, c, &res);
}

static bool declared_too_large(const struct http_server *s, struct MHD_Connection *c)
{
	const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
						     MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl == NULL)
		return false;
	errno = 0;
	char *end;
	const unsigned long long n = strtoull(cl, &end, 10);
	return errno != 0 || n > s->max_body;
}

static void append_body(const struct http_server *s, struct req_ctx *rc, const char *data,
			size_t size)
{
	if (rc->too_large)
		return;
	if (size > s->max_body - rc->len) {
		/* Keep reading (and dropping) the rest so the 413 can go out on a
		 * connection in a sane state. */
		rc->too_large = true;
		free(rc->body);
		rc->body = NULL;
		rc->len = rc->cap = 0;
		return;
	}
	if (rc->len + size + 1 > rc->cap) {
		size_t cap = rc->cap ? rc->cap : 4096;
		while (cap < rc->len + size + 1)
			cap *= 2;
		char *grown = realloc(rc->body, cap);
		if (grown == NULL) {
			rc->too_large = true; /* answered as 413: the least wrong */
			return;
		}
		rc->body = grown;
		rc->cap = cap;
	}
	memcpy(rc->body + rc->len, data, size);
	rc->len += size;
	rc->body[rc->len] = '\0';
}

static int build_request(struct http_server *s, struct MHD_Connection *c, struct req_ctx *rc,
			 const char *url, const char *method, struct sw_error *err)
{
	struct http_request *req = &rc->req;
	req->method = method;
	req->path = url;
	req->body = rc->body ? rc->body : "";
	req->body_len = rc->len;
	req->cookie_secure = s->cookie_secure;
	struct kv_sink headers = { req->headers, &req->nheaders, HTTP_MAX_HEADERS, false };
	struct kv_sink query = { req->query, &req->nquery, HTTP_MAX_QUERY, false };
	MHD_get_connection_values(c, MHD_HEADER_KIND, collect_kv, &headers);
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_kv, &query);
	if (headers.overflow)
		return sw_error_set(err, SW_EINVAL, "", "more than %d headers", HTTP_MAX_HEADERS);
	if (query.overflow)
		return sw_error_set(err, SW_EINVAL, "", "more than %d query parameters",
				    HTTP_MAX_QUERY);
	client_address(s, c, req);
	return 0;
}

/* MHD calls this with the target as sent, before it decodes it; what it
 * returns is the request's context in on_request. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
	(void)cls;
	(void)c;
	struct req_ctx *rc = calloc(1, sizeof *rc);
	if (rc != NULL && http_uri_check(uri, &rc->target_err) != 0)
		rc->bad_target = true;
	return rc;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version,
				  const char *upload_data, size_t *upload_data_size,
				  void **con_cls)
{
	(void)version;
	struct http_server *s = cls;
	struct req_ctx *rc = *con_cls;
	struct sw_error err;
	sw_error_clear(&err);
	if (rc == NULL || !rc->started) {
		if (rc == NULL && (rc = calloc(1, sizeof *rc)) == NULL)
			return MHD_NO;
		*con_cls = rc;
		rc->started = true;
		clock_gettime(CLOCK_MONOTONIC, &rc->start);
		atomic_fetch_add(&s->inflight, 1);
		if (s->metrics != NULL)
			http_metrics_inflight(s->metrics, 1);
		if (rc->bad_target) {
			rc->answered = true;
			rc->too_large = true; /* drop any body */
			account(s, rc, method, url, 400);
			return queue_error(s, c, &rc->target_err);
		}
		if (declared_too_large(s, c)) {
			rc->answered = true;
			rc->too_large = true; /* drop any body MHD still hands us */
			sw_error_set(&err, SW_ELIMIT, "body", "request body larger than %zu bytes",
				     s->max_body);
			account(s, rc, method, url, 413);
			return queue_error(s, c, &err);
		}
		return MHD_YES;
	}
	if (*upload_data_size != 0) {
		append_body(s, rc, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (rc->answered)
		return MHD_YES;
	rc->answered = true;
	if (rc->too_large) {
		sw_error_set(&err, SW_ELIMIT, "body", "request body larger than %zu bytes",
			     s->max_body);
		account(s, rc, method, url, 413);
		return queue_error(s, c, &err);
	}
	if (build_request(s, c, rc, url, method, &err) != 0) {
		account(s, rc, method, url, 400);
		return queue_error(s, c, &err);
	}
	struct http_response res;
	http_response_init(&res);
	http_dispatch(&s->site, &rc->req, &res);
	account(s, rc, method, url, res.status);
	return queue(s, c, &res);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)c;
	(void)toe;
	struct http_server *s = cls;
	struct req_ctx *rc = *con_cls;
	if (rc == NULL)
		return;
	if (rc->req.auth_free != NULL)
		rc->req.auth_free(rc->req.auth);
	free(rc->body);
	if (rc->started) {
		atomic_fetch_sub(&s->inflight, 1);
		if (s->metrics != NULL)
			http_metrics_inflight(s->metrics, -1);
	}
	free(rc);
	*con_cls = NULL;
}

static unsigned default_threads(void)
{
	const long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (unsigned)n : 1;
}

struct http_server *http_server_start(const struct http_server_config *cfg,
				      const struct http_site *site, struct sw_error *err)
{
	char host[HTTP_HOST_MAX];
	uint16_t port;
	if (http_parse_listen(cfg->listen, host, &port, err) != 0)
		return NULL;
	if (sodium_init() < 0) {
		sw_error_set(err, SW_EINTERNAL, "", "libsodium cannot start");
		return NULL;
	}
	struct http_server *s = calloc(1, sizeof *s);
	if (s == NULL) {
		sw_error_set(err, SW_EINTERNAL, "", "out of memory");
		return NULL;
	}
	s->site = *site;
	s->max_body = cfg->max_body ? cfg->max_body : HTTP_DEFAULT_MAX_BODY;
	s->drain_ms = cfg->drain_ms ? cfg->drain_ms : HTTP_DEFAULT_DRAIN_MS;
	s->cookie_secure = cfg->cookie_secure;
	s->trust_proxy = cfg->trust_proxy;
	s->metrics = cfg->metrics;
	s->log_requests = cfg->log_requests;
	atomic_init(&s->inflight, 0);
	atomic_init(&s->draining, false);
	const int fd = listen_socket(host, port, err);
	if (fd < 0) {
		free(s);
		return NULL;
	}
	const unsigned threads = cfg->threads ? cfg->threads : default_threads();
	const unsigned timeout = cfg->connection_timeout ? cfg->connection_timeout
							 : HTTP_DEFAULT_CONNECTION_TIMEOUT;
	/* A pool of one would be refused with a warning: then the polling
	 * thread itself serves. */
	struct MHD_OptionItem pool[] = {
		{ threads > 1 ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END, threads, NULL },
		{ MHD_OPTION_END, 0, NULL },
	};
	/* MHD_USE_ITC lets MHD_quiesce_daemon wake the workers; AUTO picks
	 * epoll on Linux. */
	s->daemon = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ITC | MHD_USE_ERROR_LOG,
		0, NULL, NULL, on_request, s,
		MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)timeout,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned int)HTTP_CONNECTION_LIMIT,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
		MHD_OPTION_URI_LOG_CALLBACK, on_uri, s,
		MHD_OPTION_STRICT_FOR_CLIENT, (int)1,
		MHD_OPTION_ARRAY, pool,
		MHD_OPTION_END);
	if (s->daemon == NULL) {
		close(fd);
		free(s);
		sw_error_set(err, SW_EINTERNAL, "listen", "cannot start the HTTP server on %s",
			     cfg->listen);
		return NULL;
	}
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
	s->port = di ? di->port : port;
	return s;
}

uint16_t http_server_port(const struct http_server *s)
{
	return s->port;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

void http_server_shutdown(struct http_server *s)
{
	if (s == NULL)
		return;
	atomic_store(&s->draining, true);
	const MHD_socket lfd = MHD_quiesce_daemon(s->daemon);
	if (lfd != MHD_INVALID_SOCKET)
		close(lfd);
	/* Requests already received run to completion and their responses
	 * are sent; idle keep-alive connections are closed by the stop. */
	long waited = 0;
	while (atomic_load(&s->inflight) > 0 && waited < (long)s->drain_ms) {
		sleep_ms(5);
		waited += 5;
	}
	const unsigned left = atomic_load(&s->inflight);
	if (left > 0)
		fprintf(stderr, "spoorwijzer: shutdown: %u request(s) still running after %u ms\n",
			left, s->drain_ms);
	MHD_stop_daemon(s->daemon);
	free(s);
}

int http_signals_block(sigset_t *set)
{
	sigset_t block;
	sigemptyset(set);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGTERM);
	block = *set;
	/* A peer that hangs up during sendfile must not kill the process. */
	sigaddset(&block, SIGPIPE);
	return pthread_sigmask(SIG_BLOCK, &block, NULL) == 0 ? 0 : -1;
}

int http_signals_wait(const sigset_t *set)
{
	int sig = 0;
	while (sigwait(set, &sig) != 0)
		;
	return sig;
}
