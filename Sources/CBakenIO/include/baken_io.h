#ifndef BAKEN_IO_H
#define BAKEN_IO_H

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set when the system cannot do it.
int baken_exchange_paths(const char *a, const char *b);

#include <stddef.h>

/// The first occurrence of `needle` in `haystack` (libc's memmem), or NULL.
const void *baken_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
