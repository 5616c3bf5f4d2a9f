# cmake -DSOURCE_DIR=… -DOUTPUT_DIR=… -DNAMES=a,b,c -P palettevariants.cmake
# Writes OUTPUT_DIR/light/<name>.svg (the source as drawn, for light palettes) and OUTPUT_DIR/dark/<name>.svg
# (the same drawing with each role colour swapped for its dark-palette partner). Both sides of every pair
# keep at least 3:1 contrast with their backgrounds (README.md; tst_iconcatalog checks it).
set(_roles
    "#3b4754=#ced6de" # ink
    "#737b84=#8d959e" # muted (deactivated, orphaned)
    "#2570c9=#5ea2f0" # blue
    "#1a7f47=#4cc386" # green
    "#cc3339=#f0676c" # red
    "#a66d00=#f2b530" # amber
    "#7a4fd0=#a98af0" # purple
    "#0b7f7a=#3cc4bd" # teal
)
string(REPLACE "," ";" _names "${NAMES}")
foreach(_name IN LISTS _names)
    file(READ "${SOURCE_DIR}/${_name}.svg" _svg)
    string(FIND "${_svg}" "#3b4754" _at)
    if(_at EQUAL -1)
        message(FATAL_ERROR "${SOURCE_DIR}/${_name}.svg does not use the ink colour #3b4754")
    endif()
    file(WRITE "${OUTPUT_DIR}/light/${_name}.svg" "${_svg}")
    foreach(_role IN LISTS _roles)
        string(REPLACE "=" ";" _pair "${_role}")
        list(GET _pair 0 _light)
        list(GET _pair 1 _dark)
        string(REPLACE "${_light}" "${_dark}" _svg "${_svg}")
    endforeach()
    file(WRITE "${OUTPUT_DIR}/dark/${_name}.svg" "${_svg}")
endforeach()
