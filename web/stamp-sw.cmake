# Writes ${DIST}/sw.js from ${SOURCE} with VERSION set to a hash of the
# shipped files, so every build that changes what the page ships also changes
# sw.js: the browser then installs the new cache and drops the old one. Run by
# web/CMakeLists.txt (cmake -P) after the other files are in ${DIST}.
file(READ ${SOURCE} sw)
string(REGEX MATCH "const FILES = \\[[^]]*\\]" files_block "${sw}")
string(REGEX MATCHALL "'[^']+'" names "${files_block}")
set(digest "")
foreach(quoted IN LISTS names)
  string(REPLACE "'" "" name ${quoted})
  if(name STREQUAL "./" OR NOT EXISTS ${DIST}/${name})
    continue()
  endif()
  file(SHA256 ${DIST}/${name} h)
  string(APPEND digest "${name}:${h}\n")
endforeach()
string(SHA256 version "${digest}${sw}")
string(SUBSTRING ${version} 0 16 version)
string(REGEX REPLACE "const VERSION = '[^']*'" "const VERSION = 'precis-${version}'" stamped "${sw}")
file(WRITE ${DIST}/sw.js.tmp "${stamped}")
file(COPY_FILE ${DIST}/sw.js.tmp ${DIST}/sw.js ONLY_IF_DIFFERENT)
file(REMOVE ${DIST}/sw.js.tmp)
