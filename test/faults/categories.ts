// Every category of the fault suite, in the order the report prints them.
import { concurrency, crashes } from './concurrency';
import { encodings, fullDisk, permissions, specialFiles, symlinks } from './fileSystem';
import type { FaultCategory } from './harness';

/** The categories of hostile inputs and faults. */
export const FAULT_CATEGORIES: readonly FaultCategory[] = [concurrency, crashes, fullDisk, specialFiles, encodings, permissions, symlinks];
