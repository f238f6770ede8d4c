# The pipeline's stages, one folder of generator/ each, in order: a row is the stage, then
# the earlier stages it may use (and link). The top-level build.h and build.cpp belong to
# `incremental`. Read by CMakeLists.txt (one library per row) and cmake/layers.cmake (the
# include check).
set(TECHPAGES_STAGES
  "util"
  "load        util"
  "model       load util"
  "media       model load util"
  "formats     model load util"
  "render      formats media model load util"
  "write       render media model load util"
  "check       render model load util"
  "incremental check write render formats media model load util"
  "import      formats model load util"
  "scaffold    util"
  "serve       incremental write render model load util"
  "cli         serve scaffold import incremental model load util")
