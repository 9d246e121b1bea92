# The wizard pages, one QWizardPage (+ .ui) per step; built into deployer_gui (ui/CMakeLists.txt).
target_sources(deployer_gui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/welcomepage.h ${CMAKE_CURRENT_LIST_DIR}/welcomepage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tokenpage.h ${CMAKE_CURRENT_LIST_DIR}/tokenpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tokenpage.ui
    ${CMAKE_CURRENT_LIST_DIR}/dnspage.h ${CMAKE_CURRENT_LIST_DIR}/dnspage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/verifiedpage.h ${CMAKE_CURRENT_LIST_DIR}/verifiedpage.cpp)
