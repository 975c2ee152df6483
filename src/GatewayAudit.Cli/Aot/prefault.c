/*
 * Linked into the Native AOT executable on Linux only (GatewayAudit.Cli.csproj, AotPrefaultData).
 *
 * At every start the runtime rehydrates ~7 MB of type data into the executable's zero-filled tail (.bss and
 * .hydrated). Written page by page, that is ~1,700 page faults, at ~8 us each on a VM more than the copying itself
 * (bench/STARTUP.md round 18). This constructor runs before the runtime starts and asks the kernel for the whole tail
 * in two calls: huge pages where the kernel allows them (THP mode "madvise"), then every page mapped at once. Both are
 * hints: on a kernel without them (MADV_POPULATE_WRITE is Linux 5.14) the calls fail and nothing changes but the speed.
 * Only zero pages the runtime is about to write are touched, so no data, and no behaviour, changes.
 */
#define _GNU_SOURCE
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
