// The samdrift program's allocator settings, linked only when the program uses jemalloc
// (SAMDRIFT_JEMALLOC). jemalloc reads this symbol once, before the first allocation.
//
// No transparent huge pages (`thp:default`: the kernel's setting, madvise on Debian, so none):
// with `thp:always` every first touch of a 2 MiB range faulted in and zeroed a whole huge page,
// again after each purge, and a 29-org `compare` spent 21 of 37 s CPU in the kernel zeroing
// them (`clear_page_erms` under `do_huge_pmd_anonymous_page`, perf); without, 3 of 20 s, at
// the same peak (bench/RESULTS.md, session 10). Imports measured no difference (session 9).
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's interface.
const char* malloc_conf = "thp:default,metadata_thp:disabled,background_thread:false";
}
