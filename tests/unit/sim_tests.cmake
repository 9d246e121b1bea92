# Tests for hcloud-sim (tests/support/hcloudsim): its API behaviour over real HTTP, its transport knobs,
# the OpenAPI validator, and the standalone executable.
set(_sim_dir ${CMAKE_CURRENT_LIST_DIR})
deployer_add_test(NAME tst_hcloudsim SOURCES ${_sim_dir}/tst_hcloudsim.cpp LIBS hcloudsim Qt6::Network LABELS sim)
deployer_add_test(NAME tst_hcloudsim_transport SOURCES ${_sim_dir}/tst_hcloudsim_transport.cpp
    LIBS hcloudsim Qt6::Network LABELS sim)
deployer_add_test(NAME tst_hcloudsim_validator SOURCES ${_sim_dir}/tst_hcloudsim_validator.cpp LIBS hcloudsim LABELS sim)
deployer_add_test(NAME tst_hcloudsim_executable SOURCES ${_sim_dir}/tst_hcloudsim_executable.cpp
    LIBS hcloudsim Qt6::Network LABELS sim)
target_compile_definitions(tst_hcloudsim_executable PRIVATE HCLOUD_SIM_EXECUTABLE="$<TARGET_FILE:hcloud-sim>")
add_dependencies(tst_hcloudsim_executable hcloud-sim)
