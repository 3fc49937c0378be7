#ifndef LEDE_CLIBXML2_SHIM_H
#define LEDE_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xpath.h>
#include <libxml/xmlerror.h>
#endif
