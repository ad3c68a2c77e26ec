#include <zlib.h>

// deflateInit2 is a macro, which Swift cannot call.
static inline int clever_deflate_init_raw(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
}
