#ifndef BAKEN_IO_H
#define BAKEN_IO_H

#include <stddef.h>

/// Swaps two paths in one step (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set when the system cannot do it.
int baken_exchange_paths(const char *a, const char *b);

/// The first occurrence of `needle` in `haystack` (libc's memmem), or NULL.
const void *baken_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// Creates or replaces the file at `path` with `length` bytes, mode 0644. Returns 0, or -1 with errno set.
int baken_write_file(const char *path, const void *bytes, size_t length);

/// Creates one folder (mode 0755); a folder already there is fine. Returns 0, or -1 with errno set.
int baken_make_folder(const char *path);

/// Removes a file or a folder with everything in it, without following links. Returns 0, or -1 with errno set.
int baken_remove_tree(const char *path);

/// Gives memory that was freed back to the system (glibc's malloc_trim); does nothing elsewhere.
void baken_return_free_memory(void);

#endif
