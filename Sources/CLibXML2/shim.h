#ifndef LEDE_CLIBXML2_SHIM_H
#define LEDE_CLIBXML2_SHIM_H
/* Debian builds libxml2 with ICU, so encoding.h would pull in <unicode/ucnv.h>; Foundation ships its own copy of
 * ICU's headers (module _FoundationICU) and clang refuses two definitions of UErrorCode in one Swift module.
 * Lede never touches the ICU fields of xmlCharEncodingHandler (it only passes handlers by pointer), so the
 * headers are read without them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xpath.h>
#include <libxml/xmlerror.h>
#endif
