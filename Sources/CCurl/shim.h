#ifndef LEDE_CCURL_SHIM_H
#define LEDE_CCURL_SHIM_H
#include <curl/curl.h>
#endif
