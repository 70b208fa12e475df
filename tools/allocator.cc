// The samdrift program's allocator settings, linked only when the program uses jemalloc
// (SAMDRIFT_JEMALLOC). Imports and planners hold millions of small strings and a few very large
// arrays; on 4 KiB pages each fresh page costs a fault, which dominated a 300,000-row import on
// a virtual machine. Transparent huge pages for jemalloc's arenas and metadata cut those faults
// by a factor of up to 512. jemalloc reads this symbol once, before the first allocation.
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's interface.
const char* malloc_conf = "thp:always,metadata_thp:auto,background_thread:false";
}
