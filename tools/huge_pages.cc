#include "tools/huge_pages.h"

#include <sys/prctl.h>

namespace samdrift::tools {

void DisableHugePages() {
  // A kernel without the flag refuses it (EINVAL); the import then runs as before.
  (void)prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0);
}

}  // namespace samdrift::tools
