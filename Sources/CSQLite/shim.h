#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast macro Swift cannot import.
static inline sqlite3_destructor_type clever_sqlite_transient(void) { return SQLITE_TRANSIENT; }

// Memory statistics take a global mutex on every allocation, which serialises connections
// working in parallel. Must run before SQLite initialises.
static inline int clever_sqlite_disable_memstatus(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }
