/*
 * Linked into the Native AOT executable on Linux only (GatewayAudit.Cli.csproj, AotPrefaultData, AotPrefaultHeap).
 *
 * Page faults are dear on the VMs this tool runs on (~7-8 us each, more than zeroing the page), and a scan takes one
 * for every 4 KiB page of memory it first writes. Two places write many fresh pages, and both are asked of the kernel
 * in one call per range instead of one fault per page. Both calls are hints: on a kernel without them
 * (MADV_POPULATE_WRITE is Linux 5.14) they fail and nothing changes but the speed. Only pages the runtime is about to
 * write are touched, so no data, and no behaviour, changes.
 *
 * 1. At every start the runtime rehydrates ~7 MB of type data into the executable's zero-filled tail (.bss and
 *    .hydrated): ~1,700 faults (bench/STARTUP.md round 18). A constructor, run before the runtime starts, asks for the
 *    whole tail in huge pages where the kernel allows them (THP mode "madvise"), then for every page of it at once.
 *
 * 2. The GC commits its heap 64 KiB at a time as a scan allocates (mprotect, then madvise(MADV_DODUMP) to put the
 *    range back in core dumps: gc/unix/gcenv.unix.cpp, VirtualCommit), and the scan then faults in each of its 16
 *    pages: 41,000 faults at 10,000 configs, about a tenth of the CPU (bench/SCALE.md round 19). The link wraps
 *    madvise (-Wl,--wrap=madvise, PREFAULT_HEAP), so a range just committed is also populated. The GC commits only
 *    what it is about to allocate into, so the resident size grows by what was committed and not yet used (1-2 MiB).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <link.h>
#include <stdint.h>
#include <sys/mman.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

static int prefault_main_program(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    (void)data;
    /* The first object reported is the executable itself. */
    for (int i = 0; i < info->dlpi_phnum; i++)
    {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
        if (segment->p_type != PT_LOAD || (segment->p_flags & PF_W) == 0 || segment->p_memsz <= segment->p_filesz)
            continue;
        uintptr_t page = 4096;
        uintptr_t start = (info->dlpi_addr + segment->p_vaddr + segment->p_filesz + page - 1) & ~(page - 1);
        uintptr_t end = (info->dlpi_addr + segment->p_vaddr + segment->p_memsz + page - 1) & ~(page - 1);
        if (end > start)
        {
            (void)madvise((void *)start, end - start, MADV_HUGEPAGE);
            (void)madvise((void *)start, end - start, MADV_POPULATE_WRITE);
        }
    }
    return 1;
}

__attribute__((constructor)) static void prefault_rehydrated_data(void)
{
    dl_iterate_phdr(prefault_main_program, 0);
}

#ifdef PREFAULT_HEAP
int __real_madvise(void *address, size_t length, int advice);

/* Every madvise of the executable's own code comes here (the runtime's; the C library's own calls do not). */
int __wrap_madvise(void *address, size_t length, int advice)
{
    int result = __real_madvise(address, length, advice);
    if (result == 0 && advice == MADV_DODUMP)
    {
        /* A hint on top of a call that succeeded: its failure must not show in the errno the caller may read. */
        int saved = errno;
        (void)__real_madvise(address, length, MADV_POPULATE_WRITE);
        errno = saved;
    }
    return result;
}
#endif
