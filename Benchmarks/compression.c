/* How long libdeflate (gzip) and libbrotli take over a set of files at each level, on one thread, and how
 * small they make them: the cost of the .gz and .br copies of a build, without the rest of the build.
 *
 *     cc -O2 Benchmarks/compression.c -ldeflate -lbrotlienc -o /tmp/compression
 *     /tmp/compression $(find public -name index.html | head -1000)
 *
 * Brotli gets the window Baken gives it: the smallest from 2^16 that holds the file. */
#include <brotli/encode.h>
#include <libdeflate.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    int count = argc - 1;
    if (count < 1) {
        fprintf(stderr, "usage: %s FILE...\n", argv[0]);
        return 1;
    }
    unsigned char **files = malloc(count * sizeof *files);
    size_t *sizes = malloc(count * sizeof *sizes), total = 0, largest = 0;
    for (int i = 0; i < count; i++) {
        FILE *f = fopen(argv[i + 1], "rb");
        if (!f) { perror(argv[i + 1]); return 1; }
        fseek(f, 0, SEEK_END);
        sizes[i] = ftell(f);
        fseek(f, 0, SEEK_SET);
        files[i] = malloc(sizes[i] + 1);
        if (fread(files[i], 1, sizes[i], f) != sizes[i]) { perror(argv[i + 1]); return 1; }
        fclose(f);
        total += sizes[i];
        if (sizes[i] > largest) largest = sizes[i];
    }
    size_t capacity = largest * 2 + 1024;
    unsigned char *out = malloc(capacity);
    printf("%d files, %zu bytes\n", count, total);
    for (int level = 1; level <= 9; level++) {
        struct libdeflate_compressor *c = libdeflate_alloc_compressor(level);
        double start = now();
        size_t bytes = 0;
        for (int i = 0; i < count; i++) bytes += libdeflate_gzip_compress(c, files[i], sizes[i], out, capacity);
        printf("gzip level %d:    %10zu bytes (%4.1f %%) in %.3f s\n", level, bytes, 100.0 * bytes / total, now() - start);
        libdeflate_free_compressor(c);
    }
    for (int quality = 1; quality <= 7; quality++) {
        double start = now();
        size_t bytes = 0;
        for (int i = 0; i < count; i++) {
            int window = 16;
            while (window < 22 && ((size_t)1 << window) - 16 < sizes[i]) window++;
            size_t size = capacity;
            BrotliEncoderCompress(quality, window, BROTLI_MODE_TEXT, sizes[i], files[i], &size, out);
            bytes += size;
        }
        printf("brotli quality %d: %10zu bytes (%4.1f %%) in %.3f s\n", quality, bytes, 100.0 * bytes / total, now() - start);
    }
    return 0;
}
