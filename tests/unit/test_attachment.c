/* test_attachment.c - accepted attachment types and their signatures. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/attachment.h"

static void content_types(void **state)
{
	(void)state;
	enum attach_type t;
	assert_int_equal(attach_type_parse("application/pdf", &t), 0);
	assert_int_equal(t, ATTACH_PDF);
	assert_int_equal(attach_type_parse("Image/PNG", &t), 0);
	assert_int_equal(t, ATTACH_PNG);
	assert_int_equal(attach_type_parse("image/jpeg ; q=1", &t), 0);
	assert_int_equal(t, ATTACH_JPEG);
	assert_int_equal(attach_type_parse("image/jpg", &t), -1);
	assert_int_equal(attach_type_parse("application/pdfx", &t), -1);
	assert_int_equal(attach_type_parse("text/html", &t), -1);
	assert_int_equal(attach_type_parse("", &t), -1);
	assert_int_equal(attach_type_parse(NULL, &t), -1);
	assert_string_equal(attach_type_mime(ATTACH_JPEG), "image/jpeg");
	assert_string_equal(attach_type_ext(ATTACH_PDF), "pdf");
	assert_string_equal(attach_type_mime(ATTACH_TYPE__COUNT), "");
}

static void signatures(void **state)
{
	(void)state;
	static const unsigned char pdf[] = "%PDF-1.7\n";
	static const unsigned char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
	static const unsigned char jpeg[] = "\xff\xd8\xff\xe0\0\x10JFIF";
	static const unsigned char exe[] = "MZ\x90\0";
	assert_true(attach_magic_matches(ATTACH_PDF, pdf, sizeof pdf - 1));
	assert_true(attach_magic_matches(ATTACH_PNG, png, sizeof png - 1));
	assert_true(attach_magic_matches(ATTACH_JPEG, jpeg, sizeof jpeg - 1));
	/* Declared one thing, is another. */
	assert_false(attach_magic_matches(ATTACH_PDF, png, sizeof png - 1));
	assert_false(attach_magic_matches(ATTACH_PNG, jpeg, sizeof jpeg - 1));
	assert_false(attach_magic_matches(ATTACH_JPEG, exe, sizeof exe - 1));
	/* Too short to tell. */
	assert_false(attach_magic_matches(ATTACH_PDF, pdf, 4));
	assert_false(attach_magic_matches(ATTACH_PNG, NULL, 0));
	assert_false(attach_magic_matches(ATTACH_TYPE__COUNT, pdf, sizeof pdf - 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(content_types),
		cmocka_unit_test(signatures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
