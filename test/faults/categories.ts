// Every category of the fault suite, in the order the report prints them.
import { concurrency, crashes } from './concurrency';
import { brokenSidecars, csvInjection, sizes } from './content';
import { encodings, fullDisk, permissions, specialFiles, symlinks } from './fileSystem';
import type { FaultCategory } from './harness';
import { renames } from './renames';
import { malformedRequests, pathsAndLifecycle, restrictedMode } from './requests';

/** The categories of hostile inputs and faults. */
export const FAULT_CATEGORIES: readonly FaultCategory[] = [concurrency, crashes, fullDisk, specialFiles, encodings, permissions, symlinks, malformedRequests, pathsAndLifecycle, restrictedMode, brokenSidecars, sizes, csvInjection, renames];
