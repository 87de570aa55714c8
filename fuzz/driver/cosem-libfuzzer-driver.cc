// cosem-libfuzzer-driver: a libFuzzer front end for .NET fuzz targets written with SharpFuzz's
// Fuzzer.LibFuzzer.Run. Written for this repository (fuzz/README.md) because the usual prebuilt driver cannot be
// downloaded here; build it with  clang++ -O1 -fsanitize=fuzzer cosem-libfuzzer-driver.cc -o cosem-libfuzzer-driver
//
// The protocol SharpFuzz 2.3.0 expects from its parent (POSIX):
//   * environment __LIBFUZZER_SHM_ID: a System V shared-memory id; the segment holds the 64 KiB edge-hit map that the
//     sharpfuzz-instrumented assemblies increment, followed by the current input's bytes;
//   * environment __LIBFUZZER_CONTROL_PIPE_ID / __LIBFUZZER_STATUS_PIPE_ID: inherited pipe descriptors (numbers).
//     The target writes one int32 status (0) when it is ready; then, per input, it reads the input length (int32)
//     from the control pipe, runs the action on the bytes in shared memory, and writes an int32 status: 0 = no
//     fault, anything else = an exception escaped (the target prints it on stderr and exits).
// libFuzzer sees the target's coverage through __libfuzzer_extra_counters, copied from the map after each run.
// A target that dies or stops answering is a crash; one that takes too long is caught by libFuzzer's -timeout
// (its alarm fires while we wait on the status pipe). The child is killed when this process ends (PDEATHSIG).
//
// Usage: cosem-libfuzzer-driver --target_path=EXE [--target_arg=ARG ...] [libFuzzer options] [corpus dirs]
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/ipc.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

constexpr size_t kMapSize = 1u << 16;       // SharpFuzz's coverage map size (its Fuzzer.MapSize)
constexpr size_t kMaxInputSize = 1u << 20;  // inputs longer than this are cut (libFuzzer's -max_len is far below)

uint8_t* shared_memory = nullptr;
int control_fd = -1;  // we write input lengths here
int status_fd = -1;   // we read statuses here
pid_t target_pid = -1;

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "cosem-libfuzzer-driver: %s (%s)\n", what, errno != 0 ? std::strerror(errno) : "no detail");
  std::exit(1);
}

bool WriteAll(int fd, const void* data, size_t length) {
  auto bytes = static_cast<const uint8_t*>(data);
  while (length > 0) {
    ssize_t written = write(fd, bytes, length);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    bytes += written;
    length -= static_cast<size_t>(written);
  }
  return true;
}

bool ReadAll(int fd, void* data, size_t length) {
  auto bytes = static_cast<uint8_t*>(data);
  while (length > 0) {
    ssize_t got = read(fd, bytes, length);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    bytes += got;
    length -= static_cast<size_t>(got);
  }
  return true;
}

// The target's exit status, for the message when it stops answering.
void ReportTargetEnd() {
  int status = 0;
  if (target_pid > 0 && waitpid(target_pid, &status, WNOHANG) == target_pid) {
    if (WIFEXITED(status)) std::fprintf(stderr, "cosem-libfuzzer-driver: target exited with code %d\n", WEXITSTATUS(status));
    if (WIFSIGNALED(status)) std::fprintf(stderr, "cosem-libfuzzer-driver: target killed by signal %d\n", WTERMSIG(status));
  }
}

void StartTarget(const std::string& path, const std::vector<std::string>& target_args) {
  int shm_id = shmget(IPC_PRIVATE, kMapSize + kMaxInputSize, IPC_CREAT | IPC_EXCL | 0600);
  if (shm_id < 0) Fail("shmget");
  void* attached = shmat(shm_id, nullptr, 0);
  if (attached == reinterpret_cast<void*>(-1)) Fail("shmat");
  shared_memory = static_cast<uint8_t*>(attached);
  std::memset(shared_memory, 0, kMapSize);

  int control[2];
  int status[2];
  if (pipe2(control, O_CLOEXEC) != 0 || pipe2(status, O_CLOEXEC) != 0) Fail("pipe");

  pid_t parent = getpid();
  target_pid = fork();
  if (target_pid < 0) Fail("fork");
  if (target_pid == 0) {
    // The target: its two pipe ends survive exec, ours do not (O_CLOEXEC).
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(1);
    fcntl(control[0], F_SETFD, 0);
    fcntl(status[1], F_SETFD, 0);
    setenv("__LIBFUZZER_SHM_ID", std::to_string(shm_id).c_str(), 1);
    setenv("__LIBFUZZER_CONTROL_PIPE_ID", std::to_string(control[0]).c_str(), 1);
    setenv("__LIBFUZZER_STATUS_PIPE_ID", std::to_string(status[1]).c_str(), 1);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(path.c_str()));
    for (const auto& arg : target_args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(path.c_str(), argv.data());
    std::fprintf(stderr, "cosem-libfuzzer-driver: cannot run %s: %s\n", path.c_str(), std::strerror(errno));
    _exit(127);
  }

  close(control[0]);
  close(status[1]);
  control_fd = control[1];
  status_fd = status[0];

  int32_t ready = -1;
  if (!ReadAll(status_fd, &ready, sizeof ready)) {
    ReportTargetEnd();
    Fail("the target did not start the SharpFuzz libFuzzer loop");
  }
  // The target is attached now; the segment goes away with the last detach.
  shmctl(shm_id, IPC_RMID, nullptr);
}

}  // namespace

// libFuzzer reads every byte of this section as an extra edge counter (its "extra counters" feature); a local or
// unused array would be dropped by the linker, hence extern "C" and used.
extern "C" {
__attribute__((used, section("__libfuzzer_extra_counters"))) uint8_t cosem_managed_counters[kMapSize];
}

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  std::string target_path;
  std::vector<std::string> target_args;
  for (int i = 1; i < *argc; i++) {
    const char* arg = (*argv)[i];
    if (std::strncmp(arg, "--target_path=", 14) == 0) target_path = arg + 14;
    if (std::strncmp(arg, "--target_arg=", 13) == 0) target_args.emplace_back(arg + 13);
  }
  if (target_path.empty()) {
    std::fprintf(stderr, "usage: %s --target_path=EXE [--target_arg=ARG ...] [libFuzzer options] [corpus dirs]\n", (*argv)[0]);
    std::exit(2);
  }
  std::signal(SIGPIPE, SIG_IGN);  // a dead target shows as a failed write, reported below
  StartTarget(target_path, target_args);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxInputSize) size = kMaxInputSize;
  std::memset(shared_memory, 0, kMapSize);
  if (size > 0) std::memcpy(shared_memory + kMapSize, data, size);

  int32_t length = static_cast<int32_t>(size);
  int32_t status = -1;
  if (!WriteAll(control_fd, &length, sizeof length) || !ReadAll(status_fd, &status, sizeof status)) {
    ReportTargetEnd();
    std::fprintf(stderr, "cosem-libfuzzer-driver: the target died on this input\n");
    std::abort();  // libFuzzer saves the input as crash-<sha1>
  }
  std::memcpy(cosem_managed_counters, shared_memory, kMapSize);
  if (status != 0) {
    std::fprintf(stderr, "cosem-libfuzzer-driver: the target reported an uncaught exception (printed above)\n");
    std::abort();
  }
  return 0;
}
