/* pdf.h - documents of the dossier as PDF: a neutral document model that
 * the API layer fills (re-integratieverslag, plan van aanpak with all its
 * bijstellingen, probleemanalyse summary, ...) rendered with cairo and pango.
 *
 * The model knows nothing of the law: a document is a title block, the
 * parties of the case and a flat list of numbered sections. Each section is
 * a sequence of blocks (paragraphs, key/value tables, tables, notes) and
 * may carry a "missing" or "stale" marker, which is how the verslag shows
 * the parts that are not there yet or too old (DOMAIN.md section 5).
 *
 * All strings are UTF-8 user text and are borrowed for the duration of
 * pdf_render. They are laid out as plain text, never parsed as markup, so
 * "<", "&" or a stray "<b>" in a note print as typed. Invalid UTF-8 is
 * replaced, not rejected: a document must not fail on one bad byte. */
#ifndef SW_PDF_H
#define SW_PDF_H

#include <stddef.h>

#include "core/date.h"
#include "core/error.h"

/* The marker of a section or a key/value line. */
enum pdf_mark {
	PDF_MARK_NONE = 0,
	PDF_MARK_MISSING,   /* printed as "ONTBREEKT" */
	PDF_MARK_STALE,     /* printed as "VEROUDERD" */
};

/* One line of a key/value table ("Eerste ziektedag" - "6 januari 2025"). A
 * NULL or empty value with PDF_MARK_MISSING prints as a dash and the marker. */
struct pdf_kv {
	const char *key;
	const char *value;
	enum pdf_mark mark;
};

/* A grid with an optional header row that repeats on every page the table
 * continues on. Rows never split unless one is taller than a third of a
 * page. */
#define PDF_MAX_COLS 8
struct pdf_table {
	size_t ncols;                 /* 1 .. PDF_MAX_COLS */
	const char *const *header;    /* ncols labels, or NULL for none */
	const char *const *cells;     /* nrows * ncols, row by row; NULL is empty */
	size_t nrows;
	const double *widths;         /* ncols relative widths, or NULL for equal */
};

enum pdf_block_kind {
	PDF_PARAGRAPH,   /* text; "\n" starts a new line within it */
	PDF_KV,          /* kv[0 .. nkv) */
	PDF_TABLE,       /* *table */
	PDF_NOTE,        /* text in a tinted box, e.g. "Let op: ..." */
};

struct pdf_block {
	enum pdf_block_kind kind;
	const char *text;
	const struct pdf_kv *kv;
	size_t nkv;
	const struct pdf_table *table;
};

/* A numbered section. Level 1 is a part of the document, level 2 a
 * subsection of the level 1 before it (a bijstelling of the plan van
 * aanpak, a voortgangsgesprek). Both show in the PDF outline. */
struct pdf_section {
	int level;                 /* 1 or 2 */
	const char *number;        /* shown as given ("a", "g.2"); NULL: 1, 2, ... and 1.1, 1.2 */
	const char *heading;
	enum pdf_mark mark;
	const char *mark_note;     /* why, e.g. "Oordeel van 3 maart 2025 is ouder dan drie maanden" */
	const struct pdf_block *blocks;
	size_t nblocks;
};

/* A party of the case in the title block. */
struct pdf_party {
	const char *name;
	const char *role;          /* label for people, e.g. nl_role_label() */
	const char *organisation;
};

struct pdf_doc {
	const char *title;            /* "Re-integratieverslag" */
	const char *subtitle;         /* "J. de Vries - Bakkerij Jansen", or NULL */
	sw_date generated_on;         /* document date, printed as "6 januari 2025" */
	const char *author;           /* PDF metadata only, or NULL */
	const char *footer;           /* left of the footer; NULL: "Spoorwijzer" */
	const struct pdf_kv *meta;    /* title block lines after "Datum", e.g. "Zaak" */
	size_t nmeta;
	const struct pdf_party *parties;
	size_t nparties;
	const struct pdf_section *sections;
	size_t nsections;
};

/* Renders an A4 PDF into a malloc'd buffer that the caller frees with
 * free(). Returns 0, or -1 with err set (bad model: SW_EINVAL naming the
 * section; cairo failure or no memory: SW_EINTERNAL). */
int pdf_render(const struct pdf_doc *doc, unsigned char **out, size_t *len, struct sw_error *err);

/* Releases the calling thread's font map and the caches of cairo and
 * fontconfig, so that a leak checker sees a clean exit. Optional; call at
 * most once, at exit, after every other thread that rendered has ended. */
void pdf_shutdown(void);

#endif
