// Transparent huge pages per command. The program's allocator no longer asks for huge pages
// (tools/allocator.cc: zeroing them was most of `compare`'s system time); this opt-out keeps an
// import free of them also where the kernel gives them unasked (`always`). An import's memory
// is short lived, and there the kernel's compaction for huge pages cost more than the faults it saved
// (a 300,000-row CSV import: 1.2-1.9 s system time with them, 0.2 s without).
#ifndef SAMDRIFT_TOOLS_HUGE_PAGES_H_
#define SAMDRIFT_TOOLS_HUGE_PAGES_H_

namespace samdrift::tools {

// Opts this process out of transparent huge pages (prctl PR_SET_THP_DISABLE) from now on,
// whatever the allocator asks for. Harmless where the kernel has none.
void DisableHugePages();

}  // namespace samdrift::tools

#endif  // SAMDRIFT_TOOLS_HUGE_PAGES_H_
