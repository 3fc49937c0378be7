#ifndef LEDE_CZLIB_SHIM_H
#define LEDE_CZLIB_SHIM_H
#include <zlib.h>
#endif
