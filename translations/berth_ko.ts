<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ActionStatus</name>
    <message>
        <source>Berth could not reach the engine. Check that it is running, then try again.</source>
        <extracomment>An action failed because the engine did not answer</extracomment>
        <translation>엔진에 연결할 수 없습니다. 엔진이 실행 중인지 확인한 뒤 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Remove</source>
        <extracomment>Default confirm button of a removal dialog</extracomment>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Cancel</source>
        <extracomment>Button that closes a dialog without doing anything</extracomment>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>ContainerController</name>
    <message>
        <source>Settings saved: the container was recreated with them. The old copy could not be removed (%1).</source>
        <translation>설정을 저장하고 컨테이너를 다시 만들었습니다. 다만 이전 컨테이너는 삭제하지 못했습니다 (%1).</translation>
    </message>
    <message>
        <source>Settings saved: the container was recreated from the same image with the new settings.</source>
        <extracomment>After Save in the Settings tab</extracomment>
        <translation>설정을 저장했습니다. 같은 이미지로 새 설정을 적용해 컨테이너를 다시 만들었습니다.</translation>
    </message>
    <message>
        <source>Some settings need fixing first; they are marked in red.</source>
        <extracomment>Save was pressed while the form still has mistakes</extracomment>
        <translation>먼저 고쳐야 할 설정이 있습니다. 빨간색으로 표시된 곳을 확인하세요.</translation>
    </message>
    <message>
        <source>Berth could not reach the engine. Check that it is running, then try again.</source>
        <extracomment>A container action failed because the engine did not answer</extracomment>
        <translation>엔진에 연결할 수 없습니다. 엔진이 실행 중인지 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>This container no longer exists.</source>
        <extracomment>The container was removed by someone else meanwhile</extracomment>
        <translation>이 컨테이너는 이미 없습니다.</translation>
    </message>
    <message>
        <source>Another program already uses one of this container&apos;s ports on this computer. Choose another port in Settings → Ports.</source>
        <extracomment>Start failed because a published port is taken on the host</extracomment>
        <translation>이 컴퓨터의 다른 프로그램이 이 컨테이너의 포트 중 하나를 이미 사용하고 있습니다. 설정 → 포트에서 다른 포트를 고르세요.</translation>
    </message>
    <message>
        <source>The container could not start.</source>
        <extracomment>Start failed for another reason</extracomment>
        <translation>컨테이너를 시작하지 못했습니다.</translation>
    </message>
    <message>
        <source>The container could not restart.</source>
        <extracomment>Restart failed</extracomment>
        <translation>컨테이너를 재시작하지 못했습니다.</translation>
    </message>
    <message>
        <source>The container could not resume.</source>
        <extracomment>Resume (unpause) failed</extracomment>
        <translation>컨테이너를 다시 시작하지 못했습니다.</translation>
    </message>
    <message>
        <source>The container could not be stopped.</source>
        <extracomment>Stop failed</extracomment>
        <translation>컨테이너를 중지하지 못했습니다.</translation>
    </message>
    <message>
        <source>Only a running container can be paused.</source>
        <extracomment>Pause failed because the container is not running</extracomment>
        <translation>실행 중인 컨테이너만 일시 정지할 수 있습니다.</translation>
    </message>
    <message>
        <source>The container could not be paused.</source>
        <extracomment>Pause failed</extracomment>
        <translation>컨테이너를 일시 정지하지 못했습니다.</translation>
    </message>
    <message>
        <source>The container is running. Stop it first, then remove it.</source>
        <extracomment>Remove failed because the container runs</extracomment>
        <translation>컨테이너가 실행 중입니다. 먼저 중지한 뒤 삭제하세요.</translation>
    </message>
    <message>
        <source>The container could not be removed.</source>
        <extracomment>Remove failed</extracomment>
        <translation>컨테이너를 삭제하지 못했습니다.</translation>
    </message>
    <message>
        <source>Another container already has this name. Choose another name; nothing was changed.</source>
        <extracomment>Save failed because the new name is taken</extracomment>
        <translation>이 이름을 쓰는 컨테이너가 이미 있습니다. 다른 이름을 고르세요. 아무것도 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <source>A port in the new settings is already used on this computer. Choose another port; the container was kept as it was.</source>
        <extracomment>Save failed because a port is taken</extracomment>
        <translation>새 설정의 포트를 이 컴퓨터에서 이미 사용하고 있습니다. 다른 포트를 고르세요. 컨테이너는 그대로 두었습니다.</translation>
    </message>
    <message>
        <source>The engine did not accept these settings; the container was kept as it was.</source>
        <extracomment>Save failed: the engine refused the settings</extracomment>
        <translation>엔진이 이 설정을 받아들이지 않았습니다. 컨테이너는 그대로 두었습니다.</translation>
    </message>
    <message>
        <source>The new settings could not be applied; the container was kept as it was.</source>
        <extracomment>Save failed for another reason</extracomment>
        <translation>새 설정을 적용하지 못했습니다. 컨테이너는 그대로 두었습니다.</translation>
    </message>
    <message>
        <source>The details of this container could not be loaded.</source>
        <extracomment>Loading the container&apos;s details failed</extracomment>
        <translation>이 컨테이너의 상세 정보를 불러오지 못했습니다.</translation>
    </message>
    <message>
        <source>The engine could not do this.</source>
        <extracomment>Generic failure message</extracomment>
        <translation>엔진이 이 작업을 하지 못했습니다.</translation>
    </message>
</context>
<context>
    <name>ContainerHeader</name>
    <message>
        <source>Running</source>
        <extracomment>Container state shown in the header</extracomment>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>Paused</source>
        <extracomment>Container state shown in the header</extracomment>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>Restarting</source>
        <extracomment>Container state shown in the header</extracomment>
        <translation>재시작 중</translation>
    </message>
    <message>
        <source>Created, not started</source>
        <extracomment>Container state shown in the header: created but never started</extracomment>
        <translation>생성됨, 아직 시작 안 함</translation>
    </message>
    <message>
        <source>Stopped</source>
        <extracomment>Container state shown in the header</extracomment>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>Dead</source>
        <extracomment>Container state shown in the header: the engine could not clean it up</extracomment>
        <translation>비정상 종료(dead)</translation>
    </message>
    <message>
        <source>Being removed</source>
        <extracomment>Container state shown in the header</extracomment>
        <translation>삭제 중</translation>
    </message>
    <message>
        <source>Starting…</source>
        <extracomment>Shown while the action runs</extracomment>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <extracomment>Shown while the action runs</extracomment>
        <translation>중지하는 중…</translation>
    </message>
    <message>
        <source>Restarting…</source>
        <extracomment>Shown while the action runs</extracomment>
        <translation>재시작하는 중…</translation>
    </message>
    <message>
        <source>Pausing…</source>
        <extracomment>Shown while the action runs</extracomment>
        <translation>일시 정지하는 중…</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <extracomment>Shown while the action runs</extracomment>
        <translation>다시 시작하는 중…</translation>
    </message>
    <message>
        <source>Removing…</source>
        <extracomment>Shown while the action runs</extracomment>
        <translation>삭제하는 중…</translation>
    </message>
    <message>
        <source>Applying settings…</source>
        <extracomment>Shown while new settings are applied</extracomment>
        <translation>설정을 적용하는 중…</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>Under the container&apos;s name: %1 is its image, %2 its state (&quot;Running&quot;)</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Start</source>
        <extracomment>Button that starts a stopped container</extracomment>
        <translation>시작</translation>
    </message>
    <message>
        <source>Start the container</source>
        <translation>컨테이너 시작</translation>
    </message>
    <message>
        <source>Resume</source>
        <extracomment>Button that resumes a paused container</extracomment>
        <translation>다시 시작</translation>
    </message>
    <message>
        <source>Resume the paused container</source>
        <translation>일시 정지한 컨테이너 다시 시작</translation>
    </message>
    <message>
        <source>Stop</source>
        <extracomment>Button that stops a running container</extracomment>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop the container</source>
        <translation>컨테이너 중지</translation>
    </message>
    <message>
        <source>Restart</source>
        <extracomment>Button that restarts a container</extracomment>
        <translation>재시작</translation>
    </message>
    <message>
        <source>Restart the container</source>
        <translation>컨테이너 재시작</translation>
    </message>
    <message>
        <source>Pause</source>
        <extracomment>Button that freezes every process of a running container</extracomment>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Pause the container</source>
        <translation>컨테이너 일시 정지</translation>
    </message>
    <message>
        <source>Remove</source>
        <extracomment>Button that deletes the container</extracomment>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Remove the container</source>
        <translation>컨테이너 삭제</translation>
    </message>
</context>
<context>
    <name>ContainerHomeTab</name>
    <message>
        <source>Log</source>
        <extracomment>Title of the live log tile</extracomment>
        <translation>로그</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <extracomment>Next to the log title; %1 is the number of lines</extracomment>
        <translation>%1줄</translation>
    </message>
    <message>
        <source>Follow</source>
        <extracomment>Check box: keep showing the newest log lines</extracomment>
        <translation>자동 스크롤</translation>
    </message>
    <message>
        <source>Follow new log lines</source>
        <translation>새 로그 줄로 자동 스크롤</translation>
    </message>
    <message>
        <source>Copy</source>
        <extracomment>Button that copies the whole log to the clipboard</extracomment>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the log</source>
        <translation>로그 복사</translation>
    </message>
    <message>
        <source>Clear</source>
        <extracomment>Button that empties the log shown here (the container&apos;s log is kept)</extracomment>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Clear the log view</source>
        <translation>화면의 로그 지우기</translation>
    </message>
    <message>
        <source>Search the log</source>
        <extracomment>Placeholder of the log search box</extracomment>
        <translation>로그 검색</translation>
    </message>
    <message>
        <source>Matches: %1</source>
        <extracomment>Number of log lines matching the search; %1 is the count</extracomment>
        <translation>찾은 줄: %1</translation>
    </message>
    <message>
        <source>Full log</source>
        <extracomment>Opens the Logs tab</extracomment>
        <translation>전체 로그</translation>
    </message>
    <message>
        <source>Open the full log</source>
        <translation>전체 로그 열기</translation>
    </message>
    <message>
        <source>No output yet. Lines the container prints appear here.</source>
        <extracomment>Empty log while following a running container</extracomment>
        <translation>아직 출력이 없습니다. 컨테이너가 출력하는 줄이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>This container has printed nothing.</source>
        <extracomment>Empty log of a stopped container</extracomment>
        <translation>이 컨테이너가 출력한 내용이 없습니다.</translation>
    </message>
    <message>
        <source>Web preview</source>
        <extracomment>Title of the tile that links to the container&apos;s web page</extracomment>
        <translation>웹 미리보기</translation>
    </message>
    <message>
        <source>Open %1 in the browser</source>
        <extracomment>Accessible name of the link; %1 is the address</extracomment>
        <translation>브라우저에서 %1 열기</translation>
    </message>
    <message>
        <source>Open in the browser</source>
        <translation>브라우저에서 열기</translation>
    </message>
    <message>
        <source>Checking whether a web page answers…</source>
        <extracomment>Web preview: the check is running</extracomment>
        <translation>웹 페이지가 응답하는지 확인하는 중…</translation>
    </message>
    <message>
        <source>A web server answers here (HTTP %1).</source>
        <extracomment>Web preview: the page answered; %1 is the HTTP status</extracomment>
        <translation>웹 서버가 응답합니다 (HTTP %1).</translation>
    </message>
    <message>
        <source>Nothing answers yet. The program may still be starting, or it does not serve web pages.</source>
        <extracomment>Web preview: nothing answered</extracomment>
        <translation>아직 응답이 없습니다. 프로그램이 아직 시작 중이거나 웹 페이지를 제공하지 않는 프로그램일 수 있습니다.</translation>
    </message>
    <message>
        <source>Check again</source>
        <extracomment>Button that checks the web page again</extracomment>
        <translation>다시 확인</translation>
    </message>
    <message>
        <source>Check the web page again</source>
        <translation>웹 페이지를 다시 확인</translation>
    </message>
    <message>
        <source>%1 → container port %2/%3</source>
        <extracomment>A published port: %1 the address on this computer, %2 the port in the container, %3 tcp/udp</extracomment>
        <translation>%1 → 컨테이너 포트 %2/%3</translation>
    </message>
    <message>
        <source>Volumes</source>
        <extracomment>Title of the tile listing the container&apos;s volumes and folders</extracomment>
        <translation>볼륨</translation>
    </message>
    <message>
        <source>No folders are shared with this container. Add one in Settings → Volumes to keep data outside it.</source>
        <extracomment>Volumes tile when the container uses no volume or folder</extracomment>
        <translation>이 컨테이너와 공유하는 폴더가 없습니다. 데이터를 컨테이너 밖에 보관하려면 설정 → 볼륨에서 추가하세요.</translation>
    </message>
    <message>
        <source>%1, stored in %2. Open the folder</source>
        <extracomment>Accessible name of a volume entry; %1 the path in the container, %2 the folder on this computer</extracomment>
        <translation>%1, %2에 저장됨. 폴더 열기</translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation>(읽기 전용)</translation>
    </message>
    <message>
        <source>Volume %1</source>
        <extracomment>A named volume; %1 its name</extracomment>
        <translation>볼륨 %1</translation>
    </message>
    <message>
        <source>Change in Settings</source>
        <extracomment>Opens the Settings tab</extracomment>
        <translation>설정에서 바꾸기</translation>
    </message>
</context>
<context>
    <name>ContainerInspectTab</name>
    <message>
        <source>Everything the engine knows about this container. Click a row with ▸ to open it.</source>
        <extracomment>Explanation on the Inspect tab</extracomment>
        <translation>엔진이 이 컨테이너에 대해 알고 있는 모든 정보입니다. ▸가 있는 줄을 누르면 펼쳐집니다.</translation>
    </message>
    <message>
        <source>Expand all</source>
        <extracomment>Opens every branch of the tree</extracomment>
        <translation>모두 펼치기</translation>
    </message>
    <message>
        <source>Collapse all</source>
        <extracomment>Closes every branch of the tree</extracomment>
        <translation>모두 접기</translation>
    </message>
    <message>
        <source>Copy all</source>
        <extracomment>Copies the whole inspect JSON</extracomment>
        <translation>모두 복사</translation>
    </message>
    <message>
        <source>Copy the whole JSON</source>
        <translation>JSON 전체 복사</translation>
    </message>
    <message>
        <source>Inspect tree</source>
        <extracomment>Accessible name of the inspect tree</extracomment>
        <translation>상세 정보 트리</translation>
    </message>
    <message>
        <source>Copy</source>
        <extracomment>Copies one value of the inspect tree</extracomment>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <extracomment>Accessible name; %1 is the key</extracomment>
        <translation>%1 복사</translation>
    </message>
</context>
<context>
    <name>ContainerLogsTab</name>
    <message>
        <source>Log saved to %1.</source>
        <extracomment>After saving the log; %1 is the file</extracomment>
        <translation>로그를 %1에 저장했습니다.</translation>
    </message>
    <message>
        <source>Could not save the log to %1: %2</source>
        <extracomment>Saving the log failed; %1 is the file, %2 the system&apos;s reason</extracomment>
        <translation>로그를 %1에 저장하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>로그 검색</translation>
    </message>
    <message>
        <source>No matches</source>
        <extracomment>Log search found nothing</extracomment>
        <translation>찾은 줄 없음</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>Log search position: %1 the current match, %2 how many there are</extracomment>
        <translation>%2개 중 %1번째</translation>
    </message>
    <message>
        <source>Previous</source>
        <extracomment>Goes to the previous search match</extracomment>
        <translation>이전</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>이전 찾기</translation>
    </message>
    <message>
        <source>Next</source>
        <extracomment>Goes to the next search match</extracomment>
        <translation>다음</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>다음 찾기</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <extracomment>Check box that shows when each log line was printed</extracomment>
        <translation>시각</translation>
    </message>
    <message>
        <source>Show timestamps</source>
        <translation>시각 표시</translation>
    </message>
    <message>
        <source>Mark errors (stderr)</source>
        <extracomment>Check box that marks error output (stderr) in red</extracomment>
        <translation>오류 출력(stderr) 표시</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>자동 스크롤</translation>
    </message>
    <message>
        <source>Follow new log lines</source>
        <translation>새 로그 줄로 자동 스크롤</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <extracomment>Number of lines in the log; %1 is the count</extracomment>
        <translation>%1줄</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy the log</source>
        <translation>로그 복사</translation>
    </message>
    <message>
        <source>Save…</source>
        <extracomment>Button that saves the log to a file</extracomment>
        <translation>저장…</translation>
    </message>
    <message>
        <source>Save the log to a file</source>
        <translation>로그를 파일로 저장</translation>
    </message>
    <message>
        <source>Full log</source>
        <extracomment>Accessible name of the full log list</extracomment>
        <translation>전체 로그</translation>
    </message>
    <message>
        <source>This container has printed nothing.</source>
        <translation>이 컨테이너가 출력한 내용이 없습니다.</translation>
    </message>
    <message>
        <source>Save the log</source>
        <extracomment>Title of the save dialog for the log</extracomment>
        <translation>로그 저장</translation>
    </message>
    <message>
        <source>Text files (*.txt *.log)</source>
        <extracomment>File type filter in the save dialog</extracomment>
        <translation>텍스트 파일 (*.txt *.log)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>ContainerSettingsTab</name>
    <message>
        <source>Settings sections</source>
        <extracomment>Accessible name of the list of settings sections</extracomment>
        <translation>설정 항목</translation>
    </message>
    <message>
        <source>General</source>
        <extracomment>Settings section</extracomment>
        <translation>일반</translation>
    </message>
    <message>
        <source>Ports</source>
        <extracomment>Settings section</extracomment>
        <translation>포트</translation>
    </message>
    <message>
        <source>Volumes</source>
        <extracomment>Settings section</extracomment>
        <translation>볼륨</translation>
    </message>
    <message>
        <source>Network</source>
        <extracomment>Settings section</extracomment>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>Advanced</source>
        <extracomment>Settings section</extracomment>
        <translation>고급</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Container name</source>
        <extracomment>Accessible name of the container name field</extracomment>
        <translation>컨테이너 이름</translation>
    </message>
    <message>
        <source>Image: %1</source>
        <extracomment>Shows which image the container is made from; %1 is the image</extracomment>
        <translation>이미지: %1</translation>
    </message>
    <message>
        <source>Environment variables</source>
        <translation>환경 변수</translation>
    </message>
    <message>
        <source>Restart policy</source>
        <translation>재시작 정책</translation>
    </message>
    <message>
        <source>Never restart</source>
        <extracomment>Restart policy &quot;no&quot;</extracomment>
        <translation>재시작하지 않음</translation>
    </message>
    <message>
        <source>Restart when it fails</source>
        <extracomment>Restart policy &quot;on-failure&quot;</extracomment>
        <translation>오류로 종료되면 재시작</translation>
    </message>
    <message>
        <source>Always, unless I stopped it</source>
        <extracomment>Restart policy &quot;unless-stopped&quot;</extracomment>
        <translation>내가 중지하지 않았다면 항상 재시작</translation>
    </message>
    <message>
        <source>Always</source>
        <extracomment>Restart policy &quot;always&quot;</extracomment>
        <translation>항상 재시작</translation>
    </message>
    <message>
        <source>at most</source>
        <extracomment>Label of the maximum number of restarts
----------
Unit after the process limit field</extracomment>
        <translation>최대</translation>
    </message>
    <message>
        <source>Maximum restarts (0 for no limit)</source>
        <extracomment>Accessible name: 0 means no limit</extracomment>
        <translation>최대 재시작 횟수 (0이면 제한 없음)</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>자원 제한</translation>
    </message>
    <message>
        <source>Leave a field empty for no limit.</source>
        <extracomment>Explanation of the resource limits</extracomment>
        <translation>제한하지 않으려면 칸을 비워 두세요.</translation>
    </message>
    <message>
        <source>Memory</source>
        <extracomment>Limit: memory</extracomment>
        <translation>메모리</translation>
    </message>
    <message>
        <source>Memory limit</source>
        <translation>메모리 제한</translation>
    </message>
    <message>
        <source>Memory unit</source>
        <translation>메모리 단위</translation>
    </message>
    <message>
        <source>CPUs</source>
        <extracomment>Limit: number of CPUs
----------
Unit after the CPU field</extracomment>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CPU limit</source>
        <translation>CPU 제한</translation>
    </message>
    <message>
        <source>Processes</source>
        <extracomment>Limit: number of processes</extracomment>
        <translation>프로세스</translation>
    </message>
    <message>
        <source>Process limit</source>
        <translation>프로세스 수 제한</translation>
    </message>
    <message>
        <source>Containers on the same network reach each other by name. “bridge” is the default network; “host” shares this computer&apos;s network; “none” has no network.</source>
        <extracomment>Explanation of the network choice</extracomment>
        <translation>같은 네트워크에 있는 컨테이너끼리는 이름으로 서로 접속할 수 있습니다. “bridge”는 기본 네트워크, “host”는 이 컴퓨터의 네트워크를 함께 쓰는 방식, “none”은 네트워크 없음입니다.</translation>
    </message>
    <message>
        <source>This engine does not list its networks yet; type the network&apos;s name.</source>
        <extracomment>The engine cannot list networks yet</extracomment>
        <translation>이 엔진은 아직 네트워크 목록을 제공하지 않습니다. 네트워크 이름을 직접 입력하세요.</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>별칭</translation>
    </message>
    <message>
        <source>web, api (other names on the network)</source>
        <extracomment>Placeholder of the network aliases field</extracomment>
        <translation>web, api (네트워크에서 쓸 다른 이름)</translation>
    </message>
    <message>
        <source>Network aliases</source>
        <translation>네트워크 별칭</translation>
    </message>
    <message>
        <source>Give the program a terminal (TTY)</source>
        <extracomment>Advanced setting -t</extracomment>
        <translation>프로그램에 터미널(TTY) 할당</translation>
    </message>
    <message>
        <source>Keep input (stdin) open</source>
        <extracomment>Advanced setting -i</extracomment>
        <translation>입력(stdin) 열어 두기</translation>
    </message>
    <message>
        <source>Privileged</source>
        <extracomment>Advanced setting --privileged</extracomment>
        <translation>특권 모드(privileged)</translation>
    </message>
    <message>
        <source>Privileged mode</source>
        <translation>특권 모드</translation>
    </message>
    <message>
        <source>A privileged container can do almost anything root can do on this computer, including changing its devices and kernel settings. Turn this on only for a program you trust that needs it.</source>
        <extracomment>Warning under the privileged check box</extracomment>
        <translation>privileged 컨테이너는 이 컴퓨터에서 root가 할 수 있는 거의 모든 일을 할 수 있습니다. 장치와 커널 설정을 바꾸는 것도 가능합니다. 꼭 필요하고 믿을 수 있는 프로그램에만 켜세요.</translation>
    </message>
    <message>
        <source>Fix the marked fields to save (%1 left).</source>
        <extracomment>Under the settings when some fields are wrong; %1 is how many</extracomment>
        <translation>저장하려면 표시된 항목을 고치세요 (남은 항목 %1개).</translation>
    </message>
    <message>
        <source>Saving recreates the container from the same image with these settings. Files changed inside it outside volumes are lost.</source>
        <extracomment>Under the settings: what Save does</extracomment>
        <translation>저장하면 같은 이미지로 이 설정을 적용해 컨테이너를 다시 만듭니다. 볼륨 밖에서 컨테이너 안의 바뀐 파일은 사라집니다.</translation>
    </message>
    <message>
        <source>Revert</source>
        <extracomment>Button that throws away unsaved changes</extracomment>
        <translation>되돌리기</translation>
    </message>
    <message>
        <source>Revert the changes</source>
        <translation>바꾼 내용 되돌리기</translation>
    </message>
    <message>
        <source>Save</source>
        <extracomment>Button that applies the settings by recreating the container</extracomment>
        <translation>저장</translation>
    </message>
    <message>
        <source>Save and recreate the container</source>
        <translation>저장하고 컨테이너 다시 만들기</translation>
    </message>
</context>
<context>
    <name>ContainerView</name>
    <message>
        <source>Dismiss</source>
        <extracomment>Accessible name of the button that closes a message</extracomment>
        <translation>닫기</translation>
    </message>
    <message>
        <source>Home</source>
        <extracomment>Tab of the container view: overview with log, web preview and volumes</extracomment>
        <translation>홈</translation>
    </message>
    <message>
        <source>Logs</source>
        <extracomment>Tab of the container view: the full log</extracomment>
        <translation>로그</translation>
    </message>
    <message>
        <source>Settings</source>
        <extracomment>Tab of the container view: settings that recreate the container</extracomment>
        <translation>설정</translation>
    </message>
    <message>
        <source>Inspect</source>
        <extracomment>Tab of the container view: the engine&apos;s raw description of the container</extracomment>
        <translation>상세 정보(inspect)</translation>
    </message>
    <message>
        <source>Remove container</source>
        <extracomment>Title of the dialog that confirms removing a container</extracomment>
        <translation>컨테이너 삭제</translation>
    </message>
    <message>
        <source>Remove %1? Its log and the files it changed inside are deleted. Volumes and host folders are kept.</source>
        <extracomment>Confirmation for a stopped container; %1 is its name</extracomment>
        <translation>%1 컨테이너를 삭제할까요? 로그와 컨테이너 안에서 바뀐 파일은 지워집니다. 볼륨과 호스트 폴더는 그대로 남습니다.</translation>
    </message>
    <message>
        <source>%1 is running. Stop and remove it? Its log and the files it changed inside are deleted. Volumes and host folders are kept.</source>
        <extracomment>Confirmation for a running container; %1 is its name</extracomment>
        <translation>%1 컨테이너가 실행 중입니다. 중지하고 삭제할까요? 로그와 컨테이너 안에서 바뀐 파일은 지워집니다. 볼륨과 호스트 폴더는 그대로 남습니다.</translation>
    </message>
</context>
<context>
    <name>CreateController</name>
    <message>
        <source>Another image is downloading. Wait for it to finish, then try again.</source>
        <extracomment>Create could not download the image because another download runs</extracomment>
        <translation>다른 이미지를 내려받는 중입니다. 끝날 때까지 기다린 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The image could not be downloaded, so no container was created.</source>
        <extracomment>Create stopped because the image download failed (the reason is shown above)</extracomment>
        <translation>이미지를 내려받지 못해서 컨테이너를 만들지 않았습니다.</translation>
    </message>
    <message>
        <source>%1 is running.</source>
        <extracomment>Shown when the new container runs; %1 is its name</extracomment>
        <translation>%1이(가) 실행 중입니다.</translation>
    </message>
    <message>
        <source>Berth could not check whether this image is on this computer.</source>
        <extracomment>Create failed while looking for the image on this computer</extracomment>
        <translation>이 이미지가 이 컴퓨터에 있는지 확인하지 못했습니다.</translation>
    </message>
    <message>
        <source>The image is no longer on this computer. Pull it again, then create the container.</source>
        <extracomment>Create failed because the image disappeared</extracomment>
        <translation>이미지가 이 컴퓨터에 더 이상 없습니다. 다시 풀 받은 뒤 컨테이너를 만드세요.</translation>
    </message>
    <message>
        <source>The engine did not accept the settings for this container.</source>
        <extracomment>The engine refused the container settings</extracomment>
        <translation>엔진이 이 컨테이너의 설정을 받아들이지 않았습니다.</translation>
    </message>
    <message>
        <source>The container could not be created.</source>
        <extracomment>Creating a container failed for another reason
----------
Generic failure message of the Create button</extracomment>
        <translation>컨테이너를 만들지 못했습니다.</translation>
    </message>
    <message>
        <source>%1 was created but did not start: a port it needs is already in use.</source>
        <extracomment>The new container did not start because a port is taken; %1 is its name</extracomment>
        <translation>%1을(를) 만들었지만 실행하지 못했습니다. 필요한 포트를 이미 다른 곳에서 쓰고 있습니다.</translation>
    </message>
    <message>
        <source>%1 was created but did not start. Open it to see its logs and settings.</source>
        <extracomment>The new container did not start; %1 is its name</extracomment>
        <translation>%1을(를) 만들었지만 실행하지 못했습니다. 열어서 로그와 설정을 확인하세요.</translation>
    </message>
</context>
<context>
    <name>CreateStatus</name>
    <message>
        <source>Looking for %1 on this computer…</source>
        <extracomment>Create flow: looking for the image locally</extracomment>
        <translation>이 컴퓨터에서 %1을(를) 찾는 중…</translation>
    </message>
    <message>
        <source>Downloading %1 first…</source>
        <extracomment>Create flow: the image is being downloaded</extracomment>
        <translation>먼저 %1을(를) 내려받는 중…</translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <extracomment>Create flow: the container is being created; %1 is its new name</extracomment>
        <translation>%1 만드는 중…</translation>
    </message>
    <message>
        <source>Starting %1…</source>
        <extracomment>Create flow: the container is starting; %1 is its name</extracomment>
        <translation>%1 실행하는 중…</translation>
    </message>
    <message>
        <source>Cancelled. No container was created.</source>
        <extracomment>Create flow: the user cancelled the download</extracomment>
        <translation>취소했습니다. 컨테이너는 만들지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>EngineUnreachableView</name>
    <message>
        <source>Connecting to the Berth engine…</source>
        <extracomment>Title while the app connects to the engine for the first time</extracomment>
        <translation>Berth 엔진에 연결하는 중…</translation>
    </message>
    <message>
        <source>Berth is not allowed to use the engine</source>
        <extracomment>Title when the user may not use the engine&apos;s socket</extracomment>
        <translation>Berth가 엔진을 사용할 권한이 없습니다</translation>
    </message>
    <message>
        <source>No engine at this address</source>
        <extracomment>Title when the configured socket path does not exist</extracomment>
        <translation>이 주소에 엔진이 없습니다</translation>
    </message>
    <message>
        <source>The engine address is not valid</source>
        <extracomment>Title when the engine address setting cannot be used</extracomment>
        <translation>엔진 주소가 올바르지 않습니다</translation>
    </message>
    <message>
        <source>The Berth engine is not running</source>
        <extracomment>Title when the engine is not running</extracomment>
        <translation>Berth 엔진이 실행 중이 아닙니다</translation>
    </message>
    <message>
        <source>The engine is running, but your user may not open its socket %1. Only root and members of the group &apos;berth&apos; may use it.</source>
        <extracomment>Explanation for a permission problem; %1 is the socket path</extracomment>
        <translation>엔진은 실행 중이지만 현재 사용자는 소켓 %1을(를) 열 수 없습니다. root와 &apos;berth&apos; 그룹에 속한 사용자만 사용할 수 있습니다.</translation>
    </message>
    <message>
        <source>Nothing is listening at %1. The path may be mistyped, or the engine uses another socket.</source>
        <extracomment>Explanation when the socket path is wrong; %1 is the address</extracomment>
        <translation>%1에서 응답하는 것이 없습니다. 경로를 잘못 입력했거나 엔진이 다른 소켓을 사용하고 있을 수 있습니다.</translation>
    </message>
    <message>
        <source>Berth cannot use “%1” as an engine address.</source>
        <extracomment>Explanation for an unusable address; %1 is the address</extracomment>
        <translation>“%1”은(는) 엔진 주소로 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>Berth could not talk to the engine at %1.</source>
        <extracomment>Explanation for other connection problems; %1 is the address</extracomment>
        <translation>%1의 엔진과 통신하지 못했습니다.</translation>
    </message>
    <message>
        <source>Berth needs its engine, berthd, to pull images and run containers. Nothing answers at %1.</source>
        <extracomment>Explanation when nothing answers; %1 is the address</extracomment>
        <translation>이미지를 풀 받고 컨테이너를 실행하려면 Berth 엔진(berthd)이 필요합니다. 지금 %1에서 응답이 없습니다.</translation>
    </message>
    <message>
        <source>How to fix it</source>
        <extracomment>Heading of the &quot;how to fix it&quot; box</extracomment>
        <translation>해결 방법</translation>
    </message>
    <message>
        <source>Add yourself to the group, then log out and back in:</source>
        <extracomment>Fix for the permission problem (keep the command as is)</extracomment>
        <translation>다음 명령으로 그룹에 자신을 추가한 뒤, 로그아웃했다가 다시 로그인하세요:</translation>
    </message>
    <message>
        <source>Enter the engine&apos;s socket below (the default is unix:///run/berth/berth.sock), or start the engine:</source>
        <extracomment>Fix for a wrong address</extracomment>
        <translation>아래에 엔진 소켓을 입력하거나(기본값은 unix:///run/berth/berth.sock) 엔진을 시작하세요:</translation>
    </message>
    <message>
        <source>Start the engine, then wait a moment:</source>
        <extracomment>Fix when the engine is not running (keep the command as is)</extracomment>
        <translation>다음 명령으로 엔진을 시작한 뒤 잠시 기다리세요:</translation>
    </message>
    <message>
        <source>Engine address (empty: default)</source>
        <extracomment>Placeholder of the engine address field</extracomment>
        <translation>엔진 주소 (비워 두면 기본값)</translation>
    </message>
    <message>
        <source>Engine address</source>
        <translation>엔진 주소</translation>
    </message>
    <message>
        <source>Connect</source>
        <extracomment>Button that connects to the address typed next to it</extracomment>
        <translation>연결</translation>
    </message>
    <message>
        <source>Connect to this address</source>
        <translation>이 주소로 연결</translation>
    </message>
    <message>
        <source>Trying to connect…</source>
        <extracomment>Shown while a connection attempt runs</extracomment>
        <translation>연결을 시도하는 중…</translation>
    </message>
    <message>
        <source>Trying again in %1 s.</source>
        <extracomment>Countdown to the next automatic attempt; %1 is a number of seconds</extracomment>
        <translation>%1초 후에 다시 시도합니다.</translation>
    </message>
    <message>
        <source>Try now</source>
        <extracomment>Button that tries to reach the engine right away</extracomment>
        <translation>지금 시도</translation>
    </message>
    <message>
        <source>Try to connect now</source>
        <translation>지금 연결 시도</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <extracomment>The technical reason the connection failed; %1 is the system&apos;s message</extracomment>
        <translation>자세한 내용: %1</translation>
    </message>
</context>
<context>
    <name>EnvTable</name>
    <message>
        <source>NAME</source>
        <extracomment>Placeholder of an environment variable&apos;s name</extracomment>
        <translation>이름</translation>
    </message>
    <message>
        <source>Variable name, row %1</source>
        <extracomment>Accessible name; %1 is the row number</extracomment>
        <translation>변수 이름, %1번째 줄</translation>
    </message>
    <message>
        <source>value</source>
        <extracomment>Placeholder of an environment variable&apos;s value</extracomment>
        <translation>값</translation>
    </message>
    <message>
        <source>Variable value, row %1</source>
        <translation>변수 값, %1번째 줄</translation>
    </message>
    <message>
        <source>Remove row %1</source>
        <translation>%1번째 줄 삭제</translation>
    </message>
    <message>
        <source>No environment variables are set.</source>
        <extracomment>Environment table without rows</extracomment>
        <translation>설정된 환경 변수가 없습니다.</translation>
    </message>
    <message>
        <source>Add variable</source>
        <extracomment>Adds a row to the environment table</extracomment>
        <translation>변수 추가</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Hide details</source>
        <extracomment>Button that shows the engine&apos;s own error message</extracomment>
        <translation>자세히 숨기기</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>자세히</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <extracomment>Accessible name of the button that closes an error message</extracomment>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>ImageController</name>
    <message>
        <source>%1 is ready.</source>
        <extracomment>Shown after an image was downloaded; %1 is the image name</extracomment>
        <translation>%1 이미지가 준비되었습니다.</translation>
    </message>
    <message>
        <source>Download of %1 cancelled.</source>
        <extracomment>Shown after the user cancelled a download; %1 is the image name</extracomment>
        <translation>%1 풀 받기를 취소했습니다.</translation>
    </message>
    <message>
        <source>Image removed.</source>
        <extracomment>Shown after an image was removed</extracomment>
        <translation>이미지를 삭제했습니다.</translation>
    </message>
    <message>
        <source>Tagged as %1.</source>
        <extracomment>Shown after an image got a new name; %1 is the new name</extracomment>
        <translation>%1(으)로 태그를 붙였습니다.</translation>
    </message>
    <message>
        <source>No dangling images to remove.</source>
        <translation>삭제할 이름 없는 이미지가 없습니다.</translation>
    </message>
    <message>
        <source>Removed dangling images: %1, freed %2.</source>
        <extracomment>Shown after unused images were removed; %1 is how many, %2 the space freed (e.g. &quot;12 MB&quot;)</extracomment>
        <translation>이름 없는 이미지 %1개를 삭제하고 %2를 확보했습니다.</translation>
    </message>
    <message>
        <source>Berth could not reach the engine. Check that it is running, then try again.</source>
        <extracomment>An action failed because the engine did not answer</extracomment>
        <translation>엔진에 연결할 수 없습니다. 엔진이 실행 중인지 확인한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The registry has no image with this name and tag. Check the spelling and the tag.</source>
        <extracomment>A download failed because the registry has no such image</extracomment>
        <translation>레지스트리에 이 이름과 태그의 이미지가 없습니다. 이름과 태그를 확인하세요.</translation>
    </message>
    <message>
        <source>The registry refused access to this image. It may be private or need a login.</source>
        <extracomment>A download failed because the registry wants a login</extracomment>
        <translation>레지스트리가 이 이미지에 대한 접근을 거부했습니다. 비공개 이미지이거나 로그인이 필요할 수 있습니다.</translation>
    </message>
    <message>
        <source>The image could not be downloaded.</source>
        <extracomment>A download failed for another reason; details are shown below</extracomment>
        <translation>이미지를 풀 받지 못했습니다.</translation>
    </message>
    <message>
        <source>This image is used by a container. Remove the container first, or remove the image anyway.</source>
        <extracomment>Removing an image failed because a container still uses it</extracomment>
        <translation>이 이미지를 사용하는 컨테이너가 있습니다. 먼저 컨테이너를 삭제하거나, 그래도 이미지를 삭제하세요.</translation>
    </message>
    <message>
        <source>This image no longer exists.</source>
        <extracomment>The image to remove no longer exists</extracomment>
        <translation>이 이미지는 이미 없습니다.</translation>
    </message>
    <message>
        <source>The image could not be removed.</source>
        <extracomment>Removing an image failed for another reason</extracomment>
        <translation>이미지를 삭제하지 못했습니다.</translation>
    </message>
    <message>
        <source>The engine did not accept this name.</source>
        <extracomment>The engine refused the new name given to an image</extracomment>
        <translation>엔진이 이 이름을 받아들이지 않았습니다.</translation>
    </message>
    <message>
        <source>The image could not be tagged.</source>
        <extracomment>Giving an image a new name failed</extracomment>
        <translation>이미지에 태그를 붙이지 못했습니다.</translation>
    </message>
    <message>
        <source>Unused images could not be removed.</source>
        <extracomment>Removing unused images failed</extracomment>
        <translation>사용하지 않는 이미지를 삭제하지 못했습니다.</translation>
    </message>
    <message>
        <source>The layers of this image could not be loaded.</source>
        <extracomment>Loading the layers of an image failed</extracomment>
        <translation>이 이미지의 레이어를 불러오지 못했습니다.</translation>
    </message>
    <message>
        <source>The engine could not do this.</source>
        <extracomment>Generic failure message</extracomment>
        <translation>엔진이 이 작업을 하지 못했습니다.</translation>
    </message>
    <message>
        <source>Type an image name, for example busybox or nginx:1.25.</source>
        <extracomment>Validation message under the &quot;Pull by name&quot; field when it is empty</extracomment>
        <translation>이미지 이름을 입력하세요. 예: busybox, nginx:1.25</translation>
    </message>
    <message>
        <source>Image names cannot contain spaces.</source>
        <extracomment>Validation message: image names have no spaces</extracomment>
        <translation>이미지 이름에는 공백을 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Image names must be lowercase.</source>
        <extracomment>Validation message: image names are lowercase</extracomment>
        <translation>이미지 이름은 소문자로만 써야 합니다.</translation>
    </message>
    <message>
        <source>This is not a valid image name. Use name, name:tag or registry/name:tag.</source>
        <extracomment>Validation message for a malformed image name</extracomment>
        <translation>올바른 이미지 이름이 아닙니다. 이름, 이름:태그, 레지스트리/이름:태그 형식으로 쓰세요.</translation>
    </message>
    <message>
        <source>Type the new name, for example myapp:1.0.</source>
        <extracomment>Validation message in the Tag dialog when the name is empty</extracomment>
        <translation>새 이름을 입력하세요. 예: myapp:1.0</translation>
    </message>
    <message>
        <source>A new name cannot contain a digest (@sha256:...).</source>
        <extracomment>Validation message: a new name cannot carry a digest</extracomment>
        <translation>새 이름에는 다이제스트(@sha256:...)를 넣을 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>ImageTable</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>태그</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>생성 시각</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>사용 중</translation>
    </message>
    <message>
        <source>Local images</source>
        <extracomment>Accessible name of the images table</extracomment>
        <translation>로컬 이미지</translation>
    </message>
    <message>
        <source>No images yet</source>
        <extracomment>Empty state of the images table</extracomment>
        <translation>아직 이미지가 없습니다</translation>
    </message>
    <message>
        <source>Pull one by name above, for example busybox.</source>
        <extracomment>Empty state hint of the images table</extracomment>
        <translation>위에서 이름으로 이미지를 풀 받으세요. 예: busybox</translation>
    </message>
</context>
<context>
    <name>ImagesView</name>
    <message>
        <source>Images</source>
        <extracomment>Title of the Images screen</extracomment>
        <translation>이미지</translation>
    </message>
    <message>
        <source>Remove dangling</source>
        <extracomment>Button that deletes images without a name (dangling)</extracomment>
        <translation>이름 없는 이미지 삭제</translation>
    </message>
    <message>
        <source>Remove dangling images</source>
        <translation>이름 없는 이미지 삭제</translation>
    </message>
    <message>
        <source>Remove anyway</source>
        <extracomment>Removes an image even though a container uses it</extracomment>
        <translation>그래도 삭제</translation>
    </message>
    <message>
        <source>ID %1 · %2</source>
        <extracomment>Image details: ID and size; %1 is the short ID, %2 the size</extracomment>
        <translation>ID %1 · %2</translation>
    </message>
    <message>
        <source>Also tagged: %1</source>
        <extracomment>Image details: the other names of the same image; %1 is a list of names</extracomment>
        <translation>다른 태그: %1</translation>
    </message>
    <message>
        <source>Tag…</source>
        <extracomment>Button that opens the Tag dialog for the selected image</extracomment>
        <translation>태그…</translation>
    </message>
    <message>
        <source>Tag image</source>
        <translation>이미지에 태그 붙이기</translation>
    </message>
    <message>
        <source>Remove</source>
        <extracomment>Button that removes the selected image</extracomment>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Remove image</source>
        <translation>이미지 삭제</translation>
    </message>
    <message>
        <source>Layers</source>
        <extracomment>Heading of the list of an image&apos;s layers (its history)</extracomment>
        <translation>레이어</translation>
    </message>
    <message>
        <source>Remove image?</source>
        <extracomment>Title of the dialog that confirms removing an image</extracomment>
        <translation>이미지를 삭제할까요?</translation>
    </message>
    <message>
        <source>%1 will be deleted from this computer. You can pull it again later.</source>
        <extracomment>Body of the remove-image dialog; %1 is the image name</extracomment>
        <translation>이 컴퓨터에서 %1 이미지를 삭제합니다. 나중에 다시 풀 받을 수 있습니다.</translation>
    </message>
    <message>
        <source>Remove dangling images?</source>
        <extracomment>Title of the dialog that confirms removing dangling images</extracomment>
        <translation>이름 없는 이미지를 삭제할까요?</translation>
    </message>
    <message>
        <source>Images without a name (shown as &lt;none&gt;) that no container uses will be deleted.</source>
        <extracomment>Body of the prune dialog</extracomment>
        <translation>이름이 없고(&lt;none&gt;으로 표시) 어떤 컨테이너도 사용하지 않는 이미지를 삭제합니다.</translation>
    </message>
</context>
<context>
    <name>InspectText</name>
    <message>
        <source>Inspect</source>
        <extracomment>Heading above the raw inspect JSON of a volume or network</extracomment>
        <translation>상세 정보(inspect)</translation>
    </message>
    <message>
        <source>Copy</source>
        <extracomment>Copies the inspect JSON to the clipboard</extracomment>
        <translation>복사</translation>
    </message>
    <message>
        <source>Copy inspect output</source>
        <translation>상세 정보 복사</translation>
    </message>
    <message>
        <source>Inspect output</source>
        <extracomment>Accessible name of the inspect output</extracomment>
        <translation>상세 정보</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Berth</source>
        <extracomment>Window title</extracomment>
        <translation>Berth</translation>
    </message>
</context>
<context>
    <name>NetworkController</name>
    <message>
        <source>Network %1 created.</source>
        <extracomment>Shown after a network was created; %1 is its name</extracomment>
        <translation>네트워크 %1을(를) 만들었습니다.</translation>
    </message>
    <message>
        <source>Network %1 removed.</source>
        <extracomment>Shown after a network was removed; %1 is its name</extracomment>
        <translation>네트워크 %1을(를) 삭제했습니다.</translation>
    </message>
    <message>
        <source>Type a name for the network, for example my-app-net.</source>
        <extracomment>Validation message in the New network dialog when the name is empty</extracomment>
        <translation>네트워크 이름을 입력하세요. 예: my-app-net</translation>
    </message>
    <message>
        <source>Use letters, digits and . _ - only, starting with a letter or digit.</source>
        <extracomment>Validation message in the New network dialog</extracomment>
        <translation>영문자, 숫자와 . _ - 만 쓸 수 있고, 첫 글자는 영문자나 숫자여야 합니다.</translation>
    </message>
    <message>
        <source>There is already a network called %1.</source>
        <extracomment>Validation message: a network with this name exists; %1 is the name</extracomment>
        <translation>%1(이)라는 네트워크가 이미 있습니다.</translation>
    </message>
    <message>
        <source>Write the subnet as an address and a prefix length, for example 172.30.0.0/16.</source>
        <extracomment>Validation message for the subnet field</extracomment>
        <translation>서브넷은 주소와 접두사 길이로 적으세요. 예: 172.30.0.0/16</translation>
    </message>
    <message>
        <source>The prefix length after / must be between 8 and 30.</source>
        <extracomment>Validation message: the prefix length after / is out of range</extracomment>
        <translation>/ 뒤의 접두사 길이는 8에서 30 사이여야 합니다.</translation>
    </message>
    <message>
        <source>There is already a network with this name.</source>
        <extracomment>Creating a network failed because the name is taken</extracomment>
        <translation>같은 이름의 네트워크가 이미 있습니다.</translation>
    </message>
    <message>
        <source>This subnet overlaps a network that already exists. Choose another subnet, or leave it empty.</source>
        <extracomment>Creating a network failed because its subnet is used by another network</extracomment>
        <translation>이 서브넷이 이미 있는 네트워크와 겹칩니다. 다른 서브넷을 고르거나 비워 두세요.</translation>
    </message>
    <message>
        <source>The engine did not accept these network settings.</source>
        <extracomment>The engine refused the settings of a new network</extracomment>
        <translation>엔진이 이 네트워크 설정을 받아들이지 않았습니다.</translation>
    </message>
    <message>
        <source>The network could not be created.</source>
        <extracomment>Creating a network failed for another reason</extracomment>
        <translation>네트워크를 만들지 못했습니다.</translation>
    </message>
    <message>
        <source>Built-in networks cannot be removed.</source>
        <extracomment>Removing a built-in network was refused</extracomment>
        <translation>기본 제공 네트워크는 삭제할 수 없습니다.</translation>
    </message>
    <message>
        <source>Containers are still connected to this network. Remove or disconnect them first.</source>
        <extracomment>Removing a network failed because containers are connected to it</extracomment>
        <translation>이 네트워크에 아직 연결된 컨테이너가 있습니다. 먼저 컨테이너를 삭제하거나 연결을 끊으세요.</translation>
    </message>
    <message>
        <source>This network no longer exists.</source>
        <extracomment>The network to remove no longer exists</extracomment>
        <translation>이 네트워크는 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>The network could not be removed.</source>
        <extracomment>Removing a network failed for another reason</extracomment>
        <translation>네트워크를 삭제하지 못했습니다.</translation>
    </message>
    <message>
        <source>The details of this network could not be loaded.</source>
        <extracomment>Loading a network&apos;s details failed</extracomment>
        <translation>이 네트워크의 상세 정보를 불러오지 못했습니다.</translation>
    </message>
    <message>
        <source>The engine could not do this.</source>
        <extracomment>Generic failure message on the Networks screen</extracomment>
        <translation>엔진이 이 작업을 하지 못했습니다.</translation>
    </message>
</context>
<context>
    <name>NetworkDetails</name>
    <message>
        <source>%1 is one of the engine&apos;s built-in networks and cannot be removed.</source>
        <extracomment>Why Remove is disabled for bridge, host and none; %1 is the network&apos;s name</extracomment>
        <translation>%1은(는) 엔진이 기본으로 제공하는 네트워크라서 삭제할 수 없습니다.</translation>
    </message>
    <message>
        <source>In use by %1. Remove that container or connect it elsewhere first.</source>
        <extracomment>Why Remove is disabled for a network; %1 is the container&apos;s name</extracomment>
        <translation>%1에서 사용 중입니다. 먼저 그 컨테이너를 삭제하거나 다른 네트워크에 연결하세요.</translation>
    </message>
    <message>
        <source>In use by %1 and %2 more. Remove those containers or connect them elsewhere first.</source>
        <extracomment>Why Remove is disabled for a network; %1 is a container&apos;s name, %2 how many others</extracomment>
        <translation>%1 외 %2개 컨테이너에서 사용 중입니다. 먼저 그 컨테이너들을 삭제하거나 다른 네트워크에 연결하세요.</translation>
    </message>
    <message>
        <source>ID %1 · driver %2</source>
        <extracomment>Network details: short ID and driver; %1 is the ID, %2 the driver (bridge, host...)</extracomment>
        <translation>ID %1 · 드라이버 %2</translation>
    </message>
    <message>
        <source>Internal</source>
        <extracomment>Network details: what &quot;internal&quot; means</extracomment>
        <translation>내부 전용</translation>
    </message>
    <message>
        <source>No access to the outside world</source>
        <extracomment>Network details: an internal network has no way out</extracomment>
        <translation>외부와 통신할 수 없음</translation>
    </message>
    <message>
        <source>Containers</source>
        <extracomment>Network details: which containers are connected</extracomment>
        <translation>연결된 컨테이너</translation>
    </message>
    <message>
        <source>No container</source>
        <extracomment>Network details when no container is connected</extracomment>
        <translation>없음</translation>
    </message>
    <message>
        <source>Remove</source>
        <extracomment>Button that removes the selected network</extracomment>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Remove network</source>
        <translation>네트워크 삭제</translation>
    </message>
</context>
<context>
    <name>NetworksView</name>
    <message>
        <source>Networks</source>
        <extracomment>Title of the Networks screen
----------
Accessible name of the networks table</extracomment>
        <translation>네트워크</translation>
    </message>
    <message>
        <source>New network…</source>
        <extracomment>Button that opens the New network dialog</extracomment>
        <translation>새 네트워크…</translation>
    </message>
    <message>
        <source>New network</source>
        <translation>새 네트워크</translation>
    </message>
    <message>
        <source>Containers on the same network reach each other. bridge is the default network; host and none are special.</source>
        <extracomment>Subtitle of the Networks screen</extracomment>
        <translation>같은 네트워크에 있는 컨테이너끼리 통신할 수 있습니다. bridge가 기본 네트워크이고, host와 none은 특별한 네트워크입니다.</translation>
    </message>
    <message>
        <source>This engine does not support networks yet</source>
        <extracomment>Shown when the engine has no networks API</extracomment>
        <translation>이 엔진은 아직 네트워크를 지원하지 않습니다</translation>
    </message>
    <message>
        <source>Containers still get the engine&apos;s default network. Networks can be managed here once the engine is updated.</source>
        <extracomment>Explains the unsupported-networks state</extracomment>
        <translation>컨테이너는 그래도 엔진의 기본 네트워크를 사용합니다. 엔진을 업데이트하면 여기에서 네트워크를 관리할 수 있습니다.</translation>
    </message>
    <message>
        <source>Check again</source>
        <extracomment>Asks the engine again whether it supports networks</extracomment>
        <translation>다시 확인</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>드라이버</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>서브넷</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>게이트웨이</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>컨테이너</translation>
    </message>
    <message>
        <source>built-in</source>
        <extracomment>Badge on the engine&apos;s own networks (bridge, host, none)</extracomment>
        <translation>기본 제공</translation>
    </message>
    <message>
        <source>internal</source>
        <extracomment>Badge on an internal network</extracomment>
        <translation>내부 전용</translation>
    </message>
    <message>
        <source>No networks</source>
        <extracomment>Empty state of the networks table</extracomment>
        <translation>네트워크가 없습니다</translation>
    </message>
    <message>
        <source>Create one with New network to let containers talk to each other by name.</source>
        <extracomment>Empty state hint of the networks table</extracomment>
        <translation>새 네트워크를 만들면 컨테이너끼리 이름으로 통신할 수 있습니다.</translation>
    </message>
    <message>
        <source>Remove network?</source>
        <extracomment>Title of the dialog that confirms removing a network</extracomment>
        <translation>네트워크를 삭제할까요?</translation>
    </message>
    <message>
        <source>The network %1 will be deleted.</source>
        <extracomment>Body of the remove-network dialog; %1 is the network&apos;s name</extracomment>
        <translation>네트워크 %1이(가) 삭제됩니다.</translation>
    </message>
</context>
<context>
    <name>NewContainerView</name>
    <message>
        <source>New container</source>
        <extracomment>Title of the New container screen</extracomment>
        <translation>새 컨테이너</translation>
    </message>
    <message>
        <source>Pick the image to start from: one you already have, one from a registry, or any image by name.</source>
        <extracomment>Subtitle of the New container screen</extracomment>
        <translation>컨테이너를 만들 이미지를 고르세요. 이미 있는 이미지, 레지스트리의 이미지, 또는 이름으로 지정한 이미지를 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Local images</source>
        <extracomment>Tab of the New container screen listing images on this computer</extracomment>
        <translation>로컬 이미지</translation>
    </message>
    <message>
        <source>Search</source>
        <extracomment>Tab of the New container screen that searches a registry</extracomment>
        <translation>검색</translation>
    </message>
    <message>
        <source>This engine cannot create containers yet.</source>
        <extracomment>Why &quot;Create&quot; is disabled on an engine without containers</extracomment>
        <translation>이 엔진은 아직 컨테이너를 생성할 수 없습니다.</translation>
    </message>
    <message>
        <source>Select an image to create a container from it.</source>
        <extracomment>Hint next to the disabled Create button</extracomment>
        <translation>컨테이너를 생성할 이미지를 선택하세요.</translation>
    </message>
    <message>
        <source>Containers get a name and published ports automatically; change them later in Settings.</source>
        <extracomment>Hint next to the Create button</extracomment>
        <translation>컨테이너 이름과 공개 포트는 자동으로 정해집니다. 나중에 설정에서 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <source>Create</source>
        <extracomment>Button that creates a container from the selected image</extracomment>
        <translation>생성</translation>
    </message>
    <message>
        <source>Create container</source>
        <translation>컨테이너 생성</translation>
    </message>
</context>
<context>
    <name>NewNetworkDialog</name>
    <message>
        <source>New network</source>
        <extracomment>Title of the dialog that creates a network</extracomment>
        <translation>새 네트워크</translation>
    </message>
    <message>
        <source>Containers on the same network can reach each other by name. The new network is a bridge, like the engine&apos;s default bridge network.</source>
        <extracomment>Explains the New network dialog</extracomment>
        <translation>같은 네트워크에 있는 컨테이너끼리는 이름으로 통신할 수 있습니다. 새 네트워크는 엔진의 기본 bridge 네트워크처럼 브리지 방식입니다.</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Label of the network name field</extracomment>
        <translation>이름</translation>
    </message>
    <message>
        <source>for example my-app-net</source>
        <extracomment>Placeholder of the network name field</extracomment>
        <translation>예: my-app-net</translation>
    </message>
    <message>
        <source>Network name</source>
        <translation>네트워크 이름</translation>
    </message>
    <message>
        <source>Subnet (optional)</source>
        <extracomment>Label of the subnet field of a new network</extracomment>
        <translation>서브넷 (선택)</translation>
    </message>
    <message>
        <source>for example 172.30.0.0/16; empty picks a free one</source>
        <extracomment>Placeholder of the subnet field</extracomment>
        <translation>예: 172.30.0.0/16 (비워 두면 빈 대역을 고릅니다)</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>서브넷</translation>
    </message>
    <message>
        <source>Internal: containers reach each other but not the outside world</source>
        <extracomment>Check box of a new network: no traffic to the outside</extracomment>
        <translation>내부 전용: 컨테이너끼리만 통신하고 외부와는 통신하지 않음</translation>
    </message>
    <message>
        <source>Internal network</source>
        <translation>내부 전용 네트워크</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Create</source>
        <extracomment>Button that creates the network</extracomment>
        <translation>생성</translation>
    </message>
    <message>
        <source>Create network</source>
        <translation>네트워크 만들기</translation>
    </message>
</context>
<context>
    <name>NewVolumeDialog</name>
    <message>
        <source>New volume</source>
        <extracomment>Title of the dialog that creates a volume</extracomment>
        <translation>새 볼륨</translation>
    </message>
    <message>
        <source>A volume keeps data outside the container, so it stays when the container is removed. Leave the name empty to let the engine pick one.</source>
        <extracomment>Explains the New volume dialog</extracomment>
        <translation>볼륨은 데이터를 컨테이너 밖에 보관하므로 컨테이너를 삭제해도 남아 있습니다. 이름을 비워 두면 엔진이 정합니다.</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Label of the volume name field</extracomment>
        <translation>이름</translation>
    </message>
    <message>
        <source>for example app-data</source>
        <extracomment>Placeholder of the volume name field</extracomment>
        <translation>예: app-data</translation>
    </message>
    <message>
        <source>Volume name</source>
        <translation>볼륨 이름</translation>
    </message>
    <message>
        <source>Labels (optional)</source>
        <extracomment>Label of the labels field of a new volume</extracomment>
        <translation>레이블 (선택)</translation>
    </message>
    <message>
        <source>key=value, separated by commas</source>
        <extracomment>Placeholder of the labels field: key=value pairs</extracomment>
        <translation>키=값, 쉼표로 구분</translation>
    </message>
    <message>
        <source>Volume labels</source>
        <translation>볼륨 레이블</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Create</source>
        <extracomment>Button that creates the volume</extracomment>
        <translation>생성</translation>
    </message>
    <message>
        <source>Create volume</source>
        <translation>볼륨 만들기</translation>
    </message>
</context>
<context>
    <name>PortTable</name>
    <message>
        <source>Publish a port so programs on this computer can reach the container: a browser at 127.0.0.1 and the port on this computer reaches the port in the container.</source>
        <extracomment>Explanation above the ports table</extracomment>
        <translation>포트를 공개하면 이 컴퓨터의 프로그램이 컨테이너에 접속할 수 있습니다. 브라우저에서 127.0.0.1과 호스트 포트로 접속하면 컨테이너의 포트로 연결됩니다.</translation>
    </message>
    <message>
        <source>Container port</source>
        <translation>컨테이너 포트</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>프로토콜</translation>
    </message>
    <message>
        <source>Host address</source>
        <translation>호스트 주소</translation>
    </message>
    <message>
        <source>Host port</source>
        <translation>호스트 포트</translation>
    </message>
    <message>
        <source>Container port, row %1</source>
        <extracomment>Accessible name; %1 is the row number</extracomment>
        <translation>컨테이너 포트, %1번째 줄</translation>
    </message>
    <message>
        <source>Protocol, row %1</source>
        <translation>프로토콜, %1번째 줄</translation>
    </message>
    <message>
        <source>all addresses</source>
        <extracomment>Placeholder: an empty host address means every address</extracomment>
        <translation>모든 주소</translation>
    </message>
    <message>
        <source>Host address, row %1</source>
        <translation>호스트 주소, %1번째 줄</translation>
    </message>
    <message>
        <source>random</source>
        <extracomment>Placeholder of the host port when a random port is chosen</extracomment>
        <translation>무작위</translation>
    </message>
    <message>
        <source>Host port, row %1</source>
        <translation>호스트 포트, %1번째 줄</translation>
    </message>
    <message>
        <source>Random</source>
        <extracomment>Check box: let the engine pick a free port on this computer</extracomment>
        <translation>무작위</translation>
    </message>
    <message>
        <source>Random host port, row %1</source>
        <translation>무작위 호스트 포트, %1번째 줄</translation>
    </message>
    <message>
        <source>Remove row %1</source>
        <extracomment>Accessible name of the button that deletes a table row; %1 is the row number</extracomment>
        <translation>%1번째 줄 삭제</translation>
    </message>
    <message>
        <source>No ports are published.</source>
        <extracomment>Ports table without rows</extracomment>
        <translation>공개된 포트가 없습니다.</translation>
    </message>
    <message>
        <source>Add port</source>
        <extracomment>Adds a row to the ports table</extracomment>
        <translation>포트 추가</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Use a socket path such as unix:///run/berth/berth.sock, or tcp://host:port.</source>
        <extracomment>Shown under the engine address field in Preferences when it cannot be used</extracomment>
        <translation>unix:///run/berth/berth.sock 같은 소켓 경로나 tcp://호스트:포트 형식으로 입력하세요.</translation>
    </message>
</context>
<context>
    <name>PreferencesView</name>
    <message>
        <source>Preferences</source>
        <extracomment>Title of the Preferences screen</extracomment>
        <translation>환경설정</translation>
    </message>
    <message>
        <source>Engine address</source>
        <extracomment>Preferences label for the engine socket setting</extracomment>
        <translation>엔진 주소</translation>
    </message>
    <message>
        <source>Apply</source>
        <extracomment>Button that saves the engine address and reconnects</extracomment>
        <translation>적용</translation>
    </message>
    <message>
        <source>Apply engine address</source>
        <translation>엔진 주소 적용</translation>
    </message>
    <message>
        <source>Leave empty to use BERTH_HOST or DOCKER_HOST, else Berth&apos;s own engine. A Docker engine&apos;s socket works too.</source>
        <extracomment>Help under the engine address field</extracomment>
        <translation>비워 두면 BERTH_HOST나 DOCKER_HOST를, 둘 다 없으면 Berth 엔진을 사용합니다. 도커 엔진의 소켓도 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Theme</source>
        <extracomment>Preferences label for light/dark appearance</extracomment>
        <translation>테마</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <extracomment>Theme choice: follow the desktop&apos;s light or dark setting
----------
Language choice: follow the system locale</extracomment>
        <translation>시스템 설정과 같게</translation>
    </message>
    <message>
        <source>Light</source>
        <extracomment>Theme choice</extracomment>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <extracomment>Theme choice</extracomment>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>Language</source>
        <extracomment>Preferences label for the interface language</extracomment>
        <translation>언어</translation>
    </message>
    <message>
        <source>Removing</source>
        <extracomment>Preferences label for the removal confirmation setting</extracomment>
        <translation>삭제 확인</translation>
    </message>
    <message>
        <source>Ask before removing images and containers</source>
        <extracomment>Check box: ask before removing images and containers</extracomment>
        <translation>이미지나 컨테이너를 삭제하기 전에 확인</translation>
    </message>
    <message>
        <source>Registry to browse</source>
        <extracomment>Preferences label for the registry used by Search</extracomment>
        <translation>둘러볼 레지스트리</translation>
    </message>
    <message>
        <source>When the engine cannot search, the Search tab lists the images of this registry.</source>
        <extracomment>Help under the registry field</extracomment>
        <translation>엔진이 검색을 지원하지 않으면 검색 탭에 이 레지스트리의 이미지 목록을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Connected to %1 (version %2)</source>
        <extracomment>Engine information in Preferences; %1 address, %2 version</extracomment>
        <translation>%1에 연결됨 (버전 %2)</translation>
    </message>
</context>
<context>
    <name>PullByName</name>
    <message>
        <source>Image name, for example busybox or nginx:1.25</source>
        <extracomment>Placeholder of the &quot;Pull by name&quot; field</extracomment>
        <translation>이미지 이름 (예: busybox, nginx:1.25)</translation>
    </message>
    <message>
        <source>Image to pull</source>
        <extracomment>Accessible name of the &quot;Pull by name&quot; field</extracomment>
        <translation>풀 받을 이미지</translation>
    </message>
    <message>
        <source>Pull</source>
        <extracomment>Button that downloads the image named in the field</extracomment>
        <translation>풀</translation>
    </message>
    <message>
        <source>Pull image</source>
        <translation>이미지 풀 받기</translation>
    </message>
    <message>
        <source>Create</source>
        <extracomment>Button next to &quot;Pull&quot; that pulls the image if needed and starts a container from it</extracomment>
        <translation>생성</translation>
    </message>
    <message>
        <source>Create container from this image</source>
        <translation>이 이미지로 컨테이너 만들기</translation>
    </message>
</context>
<context>
    <name>PullPanel</name>
    <message>
        <source>Waiting</source>
        <extracomment>Layer status in the pull progress list</extracomment>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Downloading</source>
        <extracomment>Layer status in the pull progress list</extracomment>
        <translation>다운로드 중</translation>
    </message>
    <message>
        <source>Verifying</source>
        <extracomment>Layer status in the pull progress list (checksum check)</extracomment>
        <translation>검증 중</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <extracomment>Layer status in the pull progress list</extracomment>
        <translation>다운로드 완료</translation>
    </message>
    <message>
        <source>Extracting</source>
        <extracomment>Layer status in the pull progress list (unpacking)</extracomment>
        <translation>압축 해제 중</translation>
    </message>
    <message>
        <source>Done</source>
        <extracomment>Layer status in the pull progress list</extracomment>
        <translation>완료</translation>
    </message>
    <message>
        <source>Pulling %1…</source>
        <extracomment>Title of the pull progress box while downloading; %1 is the image name</extracomment>
        <translation>%1 풀 받는 중…</translation>
    </message>
    <message>
        <source>Pulled %1</source>
        <extracomment>Title of the pull progress box when the download finished</extracomment>
        <translation>%1 풀 받기 완료</translation>
    </message>
    <message>
        <source>Pull of %1 cancelled</source>
        <extracomment>Title of the pull progress box after Cancel</extracomment>
        <translation>%1 풀 받기 취소됨</translation>
    </message>
    <message>
        <source>Pull of %1 failed</source>
        <extracomment>Title of the pull progress box when the download failed</extracomment>
        <translation>%1 풀 받기 실패</translation>
    </message>
    <message>
        <source>Cancel</source>
        <extracomment>Button that stops a running download</extracomment>
        <translation>취소</translation>
    </message>
    <message>
        <source>Cancel pull</source>
        <translation>풀 받기 취소</translation>
    </message>
    <message>
        <source>Overall progress</source>
        <extracomment>Accessible name of the overall pull progress bar</extracomment>
        <translation>전체 진행률</translation>
    </message>
    <message>
        <source>Layers: %1 of %2 done</source>
        <extracomment>Under the pull progress bar; %1 finished layers out of %2</extracomment>
        <translation>레이어: %2개 중 %1개 완료</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>The engine cannot search here. Set a registry to browse in Preferences.</source>
        <extracomment>The Search tab could not search (the engine cannot, and no registry is set)</extracomment>
        <translation>이 엔진은 검색을 지원하지 않습니다. 환경설정에서 둘러볼 레지스트리를 지정하세요.</translation>
    </message>
    <message>
        <source>The search did not work. Check the registry address in Preferences.</source>
        <translation>검색하지 못했습니다. 환경설정에서 레지스트리 주소를 확인하세요.</translation>
    </message>
</context>
<context>
    <name>SearchTab</name>
    <message>
        <source>Search images, for example busybox</source>
        <extracomment>Placeholder of the image search field</extracomment>
        <translation>이미지 검색 (예: busybox)</translation>
    </message>
    <message>
        <source>Search images</source>
        <translation>이미지 검색</translation>
    </message>
    <message>
        <source>Search</source>
        <extracomment>Button that runs the image search</extracomment>
        <translation>검색</translation>
    </message>
    <message>
        <source>Images in the registry %1</source>
        <extracomment>Where search results come from; %1 is a registry address</extracomment>
        <translation>레지스트리 %1의 이미지</translation>
    </message>
    <message>
        <source>Results from the engine&apos;s search</source>
        <extracomment>Where search results come from</extracomment>
        <translation>엔진 검색 결과</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>검색 결과</translation>
    </message>
    <message>
        <source>Official</source>
        <extracomment>Badge on a search result for an official image</extracomment>
        <translation>공식</translation>
    </message>
    <message>
        <source>Tag</source>
        <extracomment>Accessible name of the tag chooser on a search result</extracomment>
        <translation>태그</translation>
    </message>
    <message>
        <source>Pull</source>
        <extracomment>Button on a search result that downloads it</extracomment>
        <translation>풀</translation>
    </message>
    <message>
        <source>Pull %1</source>
        <translation>%1 풀 받기</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <extracomment>Shown when a search found nothing</extracomment>
        <translation>찾은 이미지가 없습니다</translation>
    </message>
    <message>
        <source>Try a shorter name, or pull the image by its full name above.</source>
        <extracomment>Hint when a search found nothing</extracomment>
        <translation>더 짧은 이름으로 검색하거나, 위에서 전체 이름으로 풀 받으세요.</translation>
    </message>
    <message>
        <source>Create</source>
        <extracomment>Button on a search result that pulls it if needed and starts a container</extracomment>
        <translation>생성</translation>
    </message>
    <message>
        <source>Create container from %1</source>
        <translation>%1(으)로 컨테이너 만들기</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>Give the variable a name, for example PORT.</source>
        <extracomment>Environment table: a row without a variable name</extracomment>
        <translation>변수 이름을 입력하세요. 예: PORT</translation>
    </message>
    <message>
        <source>A variable name cannot contain “=”. Put the value in the value column.</source>
        <extracomment>Environment table: the name contains &apos;=&apos;</extracomment>
        <translation>변수 이름에는 “=”를 쓸 수 없습니다. 값은 값 칸에 입력하세요.</translation>
    </message>
    <message>
        <source>A variable name cannot contain spaces.</source>
        <extracomment>Environment table: the name contains spaces</extracomment>
        <translation>변수 이름에는 공백을 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 is set twice. Keep one row.</source>
        <extracomment>Environment table: the same name twice; %1 is the name</extracomment>
        <translation>%1이(가) 두 번 설정되어 있습니다. 한 줄만 남기세요.</translation>
    </message>
    <message>
        <source>Type the port the program listens on inside the container, for example 80.</source>
        <extracomment>Ports table: no container port typed</extracomment>
        <translation>컨테이너 안에서 프로그램이 사용하는 포트를 입력하세요. 예: 80</translation>
    </message>
    <message>
        <source>“%1” is not a port number. Use a number from 1 to 65535.</source>
        <extracomment>Ports table: the container port is not a number from 1 to 65535; %1 is what was typed
----------
Ports table: the host port is not a number from 1 to 65535; %1 is what was typed</extracomment>
        <translation>“%1”은(는) 포트 번호가 아닙니다. 1부터 65535 사이의 숫자를 쓰세요.</translation>
    </message>
    <message>
        <source>The protocol must be tcp or udp.</source>
        <extracomment>Ports table: protocol other than tcp/udp</extracomment>
        <translation>프로토콜은 tcp 또는 udp여야 합니다.</translation>
    </message>
    <message>
        <source>“%1” is not an IP address. Leave it empty to listen on all addresses.</source>
        <extracomment>Ports table: the host address is not an IP address; %1 is what was typed</extracomment>
        <translation>“%1”은(는) IP 주소가 아닙니다. 모든 주소에서 받으려면 비워 두세요.</translation>
    </message>
    <message>
        <source>Type a port on this computer, or choose Random.</source>
        <extracomment>Ports table: no host port and not random</extracomment>
        <translation>이 컴퓨터의 포트를 입력하거나 무작위를 고르세요.</translation>
    </message>
    <message>
        <source>Port %1 on this computer is already used by another row.</source>
        <extracomment>Ports table: two rows publish the same port of this computer; %1 is the port</extracomment>
        <translation>이 컴퓨터의 %1번 포트는 다른 줄에서 이미 쓰고 있습니다.</translation>
    </message>
    <message>
        <source>The path in the container must start with /, for example /data.</source>
        <extracomment>Volumes table: the path inside the container must start with /</extracomment>
        <translation>컨테이너 안의 경로는 /로 시작해야 합니다. 예: /data</translation>
    </message>
    <message>
        <source>%1 is used by another row.</source>
        <extracomment>Volumes table: two rows use the same path inside the container; %1 is the path</extracomment>
        <translation>%1은(는) 다른 줄에서 이미 쓰고 있습니다.</translation>
    </message>
    <message>
        <source>Choose a volume.</source>
        <extracomment>Volumes table: no named volume chosen</extracomment>
        <translation>볼륨을 고르세요.</translation>
    </message>
    <message>
        <source>Choose a folder on this computer.</source>
        <translation>이 컴퓨터의 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>The folder must be a full path starting with /.</source>
        <extracomment>Volumes table: the host folder must be an absolute path</extracomment>
        <translation>폴더는 /로 시작하는 전체 경로여야 합니다.</translation>
    </message>
    <message>
        <source>A volume name may use letters, digits, “_”, “.” and “-”.</source>
        <extracomment>Volumes table: a volume name with characters the engine refuses</extracomment>
        <translation>볼륨 이름에는 영문자, 숫자, “_”, “.”, “-”만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Give the container a name.</source>
        <translation>컨테이너 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>A name needs at least 2 characters: letters, digits, “_”, “.” or “-”, starting with a letter or digit.</source>
        <translation>이름은 2자 이상이어야 하며 영문자, 숫자, “_”, “.”, “-”만 쓸 수 있고 영문자나 숫자로 시작해야 합니다.</translation>
    </message>
    <message>
        <source>Type a number, or leave it empty for no limit.</source>
        <translation>숫자를 입력하거나, 제한하지 않으려면 비워 두세요.</translation>
    </message>
    <message>
        <source>The engine needs at least 6 MB.</source>
        <translation>엔진에는 최소 6 MB가 필요합니다.</translation>
    </message>
    <message>
        <source>Type a number of CPUs such as 0.5 or 2, or leave it empty for no limit.</source>
        <extracomment>Settings: the CPU limit is not a positive number</extracomment>
        <translation>0.5나 2처럼 CPU 개수를 입력하거나, 제한하지 않으려면 비워 두세요.</translation>
    </message>
    <message>
        <source>Type a whole number of 1 or more, or leave it empty for no limit.</source>
        <extracomment>Settings: the process limit is not a whole number of 1 or more</extracomment>
        <translation>1 이상의 정수를 입력하거나, 제한하지 않으려면 비워 두세요.</translation>
    </message>
    <message>
        <source>“%1” cannot be a network alias: use letters, digits, “_”, “.” and “-”.</source>
        <extracomment>Settings: a network alias with characters that are not allowed; %1 is the alias</extracomment>
        <translation>“%1”은(는) 네트워크 별칭으로 쓸 수 없습니다. 영문자, 숫자, “_”, “.”, “-”만 쓰세요.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Containers</source>
        <extracomment>Sidebar title above the list of containers</extracomment>
        <translation>컨테이너</translation>
    </message>
    <message>
        <source>+ New</source>
        <extracomment>Sidebar button that opens the New container screen</extracomment>
        <translation>+ 새로 만들기</translation>
    </message>
    <message>
        <source>New container</source>
        <translation>새 컨테이너</translation>
    </message>
    <message>
        <source>Filter containers</source>
        <extracomment>Placeholder of the sidebar&apos;s filter box</extracomment>
        <translation>컨테이너 필터</translation>
    </message>
    <message>
        <source>Running</source>
        <extracomment>Section header in the sidebar: containers that are up</extracomment>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>Stopped</source>
        <extracomment>Section header in the sidebar: containers that are not up</extracomment>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>Containers are not available</source>
        <extracomment>Sidebar empty state when the engine has no containers API yet</extracomment>
        <translation>컨테이너를 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>No matches</source>
        <extracomment>Sidebar empty state when the filter matches nothing</extracomment>
        <translation>일치하는 컨테이너가 없습니다</translation>
    </message>
    <message>
        <source>No containers yet</source>
        <extracomment>Sidebar empty state when there are no containers at all</extracomment>
        <translation>아직 컨테이너가 없습니다</translation>
    </message>
    <message>
        <source>This engine cannot run containers yet. You can still pull and manage images.</source>
        <extracomment>Explains why the container list is empty on an engine without containers</extracomment>
        <translation>이 엔진은 아직 컨테이너를 실행할 수 없습니다. 이미지를 풀 받고 관리하는 것은 가능합니다.</translation>
    </message>
    <message>
        <source>No container name or image contains “%1”.</source>
        <extracomment>%1 is what the user typed in the filter box</extracomment>
        <translation>이름이나 이미지에 “%1”이(가) 들어간 컨테이너가 없습니다.</translation>
    </message>
    <message>
        <source>Click + New to pick an image and start one.</source>
        <translation>+ 새로 만들기를 눌러 이미지를 고르고 컨테이너를 시작하세요.</translation>
    </message>
    <message>
        <source>Images</source>
        <extracomment>Sidebar navigation entry to the Images screen</extracomment>
        <translation>이미지</translation>
    </message>
    <message>
        <source>Preferences</source>
        <extracomment>Sidebar navigation entry to the Preferences screen</extracomment>
        <translation>환경설정</translation>
    </message>
    <message>
        <source>Engine: %1</source>
        <extracomment>Sidebar footer; %1 is the engine&apos;s address</extracomment>
        <translation>엔진: %1</translation>
    </message>
    <message>
        <source>Connecting to the engine…</source>
        <extracomment>Sidebar footer while (re)connecting to the engine</extracomment>
        <translation>엔진에 연결하는 중…</translation>
    </message>
    <message>
        <source>Volumes</source>
        <extracomment>Sidebar navigation entry to the Volumes screen</extracomment>
        <translation>볼륨</translation>
    </message>
    <message>
        <source>Networks</source>
        <extracomment>Sidebar navigation entry to the Networks screen</extracomment>
        <translation>네트워크</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <source>Tag image</source>
        <extracomment>Title of the dialog that gives an image a new name (docker tag)</extracomment>
        <translation>이미지에 태그 붙이기</translation>
    </message>
    <message>
        <source>Add a new name for %1. The image itself is not copied.</source>
        <extracomment>Explains the Tag dialog; %1 is the image&apos;s current name</extracomment>
        <translation>%1에 새 이름을 붙입니다. 이미지 자체가 복사되지는 않습니다.</translation>
    </message>
    <message>
        <source>name:tag, for example myapp:1.0</source>
        <extracomment>Placeholder of the new image name field</extracomment>
        <translation>이름:태그 (예: myapp:1.0)</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>새 이름</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Tag</source>
        <extracomment>Confirms the Tag dialog</extracomment>
        <translation>태그 붙이기</translation>
    </message>
</context>
<context>
    <name>VolumeController</name>
    <message>
        <source>Volume %1 created.</source>
        <extracomment>Shown after a volume was created; %1 is its name</extracomment>
        <translation>볼륨 %1을(를) 만들었습니다.</translation>
    </message>
    <message>
        <source>Volume %1 removed.</source>
        <extracomment>Shown after a volume was removed; %1 is its name</extracomment>
        <translation>볼륨 %1을(를) 삭제했습니다.</translation>
    </message>
    <message>
        <source>No unused volumes to remove.</source>
        <translation>삭제할 미사용 볼륨이 없습니다.</translation>
    </message>
    <message>
        <source>Removed unused volumes: %1, freed %2.</source>
        <extracomment>Shown after unused volumes were removed; %1 is how many, %2 the space freed (e.g. &quot;12 MB&quot;)</extracomment>
        <translation>미사용 볼륨 %1개를 삭제해 %2를 확보했습니다.</translation>
    </message>
    <message>
        <source>A volume name needs at least two characters.</source>
        <extracomment>Validation message in the New volume dialog</extracomment>
        <translation>볼륨 이름은 두 글자 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>Use letters, digits and . _ - only, starting with a letter or digit.</source>
        <extracomment>Validation message in the New volume dialog</extracomment>
        <translation>영문자, 숫자와 . _ - 만 쓸 수 있고, 첫 글자는 영문자나 숫자여야 합니다.</translation>
    </message>
    <message>
        <source>“%1” has no label name before the =.</source>
        <extracomment>Validation message for labels; %1 is the wrong entry</extracomment>
        <translation>“%1”에는 = 앞에 레이블 이름이 없습니다.</translation>
    </message>
    <message>
        <source>Label names cannot contain spaces (“%1”).</source>
        <extracomment>Validation message for labels; %1 is the wrong entry</extracomment>
        <translation>레이블 이름에는 공백을 쓸 수 없습니다 (“%1”).</translation>
    </message>
    <message>
        <source>The engine did not accept this volume name or its labels.</source>
        <extracomment>The engine refused the name or labels of a new volume</extracomment>
        <translation>엔진이 이 볼륨 이름이나 레이블을 받아들이지 않았습니다.</translation>
    </message>
    <message>
        <source>The volume could not be created.</source>
        <extracomment>Creating a volume failed for another reason</extracomment>
        <translation>볼륨을 만들지 못했습니다.</translation>
    </message>
    <message>
        <source>A container still uses this volume. Remove that container first, then remove the volume.</source>
        <extracomment>Removing a volume failed because a container still uses it</extracomment>
        <translation>이 볼륨을 아직 사용하는 컨테이너가 있습니다. 먼저 그 컨테이너를 삭제한 뒤 볼륨을 삭제하세요.</translation>
    </message>
    <message>
        <source>This volume no longer exists.</source>
        <extracomment>The volume to remove no longer exists</extracomment>
        <translation>이 볼륨은 더 이상 없습니다.</translation>
    </message>
    <message>
        <source>The volume could not be removed.</source>
        <extracomment>Removing a volume failed for another reason</extracomment>
        <translation>볼륨을 삭제하지 못했습니다.</translation>
    </message>
    <message>
        <source>Unused volumes could not be removed.</source>
        <extracomment>Removing unused volumes failed</extracomment>
        <translation>미사용 볼륨을 삭제하지 못했습니다.</translation>
    </message>
    <message>
        <source>The details of this volume could not be loaded.</source>
        <extracomment>Loading a volume&apos;s details failed</extracomment>
        <translation>이 볼륨의 상세 정보를 불러오지 못했습니다.</translation>
    </message>
    <message>
        <source>The engine could not do this.</source>
        <extracomment>Generic failure message on the Volumes screen</extracomment>
        <translation>엔진이 이 작업을 하지 못했습니다.</translation>
    </message>
</context>
<context>
    <name>VolumeDetails</name>
    <message>
        <source>In use by %1. Remove that container first.</source>
        <extracomment>Why Remove is disabled for a volume; %1 is the container&apos;s name</extracomment>
        <translation>%1에서 사용 중입니다. 먼저 그 컨테이너를 삭제하세요.</translation>
    </message>
    <message>
        <source>In use by %1 and %2 more. Remove those containers first.</source>
        <extracomment>Why Remove is disabled for a volume; %1 is a container&apos;s name, %2 how many others</extracomment>
        <translation>%1 외 %2개 컨테이너에서 사용 중입니다. 먼저 그 컨테이너들을 삭제하세요.</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>데이터 폴더</translation>
    </message>
    <message>
        <source>Used by</source>
        <extracomment>Volume details: which containers use it</extracomment>
        <translation>사용 중인 컨테이너</translation>
    </message>
    <message>
        <source>No container</source>
        <extracomment>Volume details when no container uses the volume</extracomment>
        <translation>없음</translation>
    </message>
    <message>
        <source>Labels</source>
        <extracomment>Volume details: its labels</extracomment>
        <translation>레이블</translation>
    </message>
    <message>
        <source>Remove</source>
        <extracomment>Button that removes the selected volume</extracomment>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Remove volume</source>
        <translation>볼륨 삭제</translation>
    </message>
</context>
<context>
    <name>VolumeTable</name>
    <message>
        <source>Files the container writes to these paths are kept outside it, in a folder on this computer or in a volume, and survive when the container is recreated or removed.</source>
        <extracomment>Explanation above the volumes table</extracomment>
        <translation>컨테이너가 이 경로에 쓰는 파일은 컨테이너 밖(이 컴퓨터의 폴더나 볼륨)에 저장되어, 컨테이너를 다시 만들거나 삭제해도 남아 있습니다.</translation>
    </message>
    <message>
        <source>Path in the container, row %1</source>
        <extracomment>Accessible name; %1 is the row number</extracomment>
        <translation>컨테이너 안의 경로, %1번째 줄</translation>
    </message>
    <message>
        <source>Folder</source>
        <extracomment>Kind of storage: a folder on this computer / a named volume</extracomment>
        <translation>폴더</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>볼륨</translation>
    </message>
    <message>
        <source>Folder or volume, row %1</source>
        <translation>폴더 또는 볼륨, %1번째 줄</translation>
    </message>
    <message>
        <source>/home/me/site</source>
        <extracomment>Placeholder of the host folder field</extracomment>
        <translation>/home/me/site</translation>
    </message>
    <message>
        <source>Folder on this computer, row %1</source>
        <translation>이 컴퓨터의 폴더, %1번째 줄</translation>
    </message>
    <message>
        <source>Choose…</source>
        <extracomment>Opens a folder picker</extracomment>
        <translation>선택…</translation>
    </message>
    <message>
        <source>Choose a folder, row %1</source>
        <translation>폴더 선택, %1번째 줄</translation>
    </message>
    <message>
        <source>Volume name, row %1</source>
        <translation>볼륨 이름, %1번째 줄</translation>
    </message>
    <message>
        <source>Read-only</source>
        <extracomment>Check box: the container may read but not change these files</extracomment>
        <translation>읽기 전용</translation>
    </message>
    <message>
        <source>Read-only, row %1</source>
        <translation>읽기 전용, %1번째 줄</translation>
    </message>
    <message>
        <source>Remove row %1</source>
        <translation>%1번째 줄 삭제</translation>
    </message>
    <message>
        <source>No folders or volumes are attached.</source>
        <extracomment>Volumes table without rows</extracomment>
        <translation>연결된 폴더나 볼륨이 없습니다.</translation>
    </message>
    <message>
        <source>Add folder or volume</source>
        <extracomment>Adds a row to the volumes table</extracomment>
        <translation>폴더 또는 볼륨 추가</translation>
    </message>
    <message>
        <source>Choose a folder to share with the container</source>
        <extracomment>Title of the folder picker for a volume</extracomment>
        <translation>컨테이너와 공유할 폴더 선택</translation>
    </message>
</context>
<context>
    <name>VolumesView</name>
    <message>
        <source>Volumes</source>
        <extracomment>Title of the Volumes screen
----------
Accessible name of the volumes table</extracomment>
        <translation>볼륨</translation>
    </message>
    <message>
        <source>Remove unused</source>
        <extracomment>Button that deletes volumes no container uses</extracomment>
        <translation>미사용 삭제</translation>
    </message>
    <message>
        <source>Remove unused volumes</source>
        <translation>미사용 볼륨 삭제</translation>
    </message>
    <message>
        <source>New volume…</source>
        <extracomment>Button that opens the New volume dialog</extracomment>
        <translation>새 볼륨…</translation>
    </message>
    <message>
        <source>New volume</source>
        <translation>새 볼륨</translation>
    </message>
    <message>
        <source>Volumes keep a container&apos;s data on this computer, even after the container is removed.</source>
        <extracomment>Subtitle of the Volumes screen</extracomment>
        <translation>볼륨은 컨테이너의 데이터를 이 컴퓨터에 보관합니다. 컨테이너를 삭제해도 데이터는 남습니다.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>드라이버</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>생성 시각</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>사용 중인 컨테이너</translation>
    </message>
    <message>
        <source>No volumes yet</source>
        <extracomment>Empty state of the volumes table</extracomment>
        <translation>아직 볼륨이 없습니다</translation>
    </message>
    <message>
        <source>Create one with New volume, or start a container that declares a volume.</source>
        <extracomment>Empty state hint of the volumes table</extracomment>
        <translation>새 볼륨으로 만들거나, 볼륨을 쓰는 컨테이너를 실행하세요.</translation>
    </message>
    <message>
        <source>Remove volume?</source>
        <extracomment>Title of the dialog that confirms removing a volume</extracomment>
        <translation>볼륨을 삭제할까요?</translation>
    </message>
    <message>
        <source>%1 and all the data in it will be deleted. This cannot be undone.</source>
        <extracomment>Body of the remove-volume dialog; %1 is the volume&apos;s name</extracomment>
        <translation>%1와(과) 그 안의 모든 데이터가 삭제됩니다. 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Remove unused volumes?</source>
        <extracomment>Title of the dialog that confirms removing unused volumes</extracomment>
        <translation>미사용 볼륨을 삭제할까요?</translation>
    </message>
    <message>
        <source>Volumes that no container uses will be deleted with their data. This cannot be undone.</source>
        <extracomment>Body of the prune-volumes dialog</extracomment>
        <translation>어떤 컨테이너도 쓰지 않는 볼륨이 데이터와 함께 삭제됩니다. 되돌릴 수 없습니다.</translation>
    </message>
</context>
</TS>
