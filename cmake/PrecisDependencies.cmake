# ICU and nlohmann/json, for native builds (Debian packages) and wasm builds
# (ICU built by toolchain/build-icu-wasm.sh; nlohmann/json is header-only).

if(EMSCRIPTEN)
  set(PRECIS_ICU_WASM_PREFIX "$ENV{PRECIS_ICU_WASM_PREFIX}" CACHE PATH
      "ICU for wasm, as printed by toolchain/build-icu-wasm.sh")
  if(NOT EXISTS "${PRECIS_ICU_WASM_PREFIX}/lib/libicuuc.a")
    message(FATAL_ERROR "ICU for wasm not found at '${PRECIS_ICU_WASM_PREFIX}'. "
                        "Run toolchain/build-icu-wasm.sh and pass its output as PRECIS_ICU_WASM_PREFIX.")
  endif()
  add_library(precis_icu_data STATIC IMPORTED)
  set_target_properties(precis_icu_data PROPERTIES IMPORTED_LOCATION "${PRECIS_ICU_WASM_PREFIX}/lib/libicudata.a")
  add_library(precis_icu INTERFACE)
  target_include_directories(precis_icu SYSTEM INTERFACE "${PRECIS_ICU_WASM_PREFIX}/include")
  target_compile_definitions(precis_icu INTERFACE U_STATIC_IMPLEMENTATION)
  target_link_libraries(precis_icu INTERFACE "${PRECIS_ICU_WASM_PREFIX}/lib/libicuuc.a" precis_icu_data)

  # Emscripten does not search /usr/include; expose only nlohmann's headers.
  find_path(PRECIS_NLOHMANN_DIR nlohmann/json.hpp PATHS /usr/include NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH REQUIRED)
  set(_nlohmann_shim "${CMAKE_BINARY_DIR}/nlohmann-include")
  file(MAKE_DIRECTORY "${_nlohmann_shim}")
  file(CREATE_LINK "${PRECIS_NLOHMANN_DIR}/nlohmann" "${_nlohmann_shim}/nlohmann" SYMBOLIC)
  add_library(precis_nlohmann INTERFACE)
  target_include_directories(precis_nlohmann SYSTEM INTERFACE "${_nlohmann_shim}")
else()
  find_package(ICU 72 REQUIRED COMPONENTS uc data)
  add_library(precis_icu INTERFACE)
  target_link_libraries(precis_icu INTERFACE ICU::uc ICU::data)
  find_package(nlohmann_json 3.10 REQUIRED)
  add_library(precis_nlohmann INTERFACE)
  target_link_libraries(precis_nlohmann INTERFACE nlohmann_json::nlohmann_json)
endif()
# No exceptions anywhere: the wasm build has none, so the native one must not rely on them.
target_compile_definitions(precis_nlohmann INTERFACE JSON_NOEXCEPTION)
