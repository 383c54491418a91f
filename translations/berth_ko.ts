<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
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
    <name>EngineUnreachableView</name>
    <message>
        <source>Connecting to the Berth engine…</source>
        <extracomment>Title while the app connects to the engine for the first time</extracomment>
        <translation>Berth 엔진에 연결하는 중…</translation>
    </message>
    <message>
        <source>Berth is not allowed to use the engine</source>
        <extracomment>Title when the user may not use the engine's socket</extracomment>
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
        <source>The engine is running, but your user may not open its socket %1. Only root and members of the group 'berth' may use it.</source>
        <extracomment>Explanation for a permission problem; %1 is the socket path</extracomment>
        <translation>엔진은 실행 중이지만 현재 사용자는 소켓 %1을(를) 열 수 없습니다. root와 'berth' 그룹에 속한 사용자만 사용할 수 있습니다.</translation>
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
        <extracomment>Heading of the "how to fix it" box</extracomment>
        <translation>해결 방법</translation>
    </message>
    <message>
        <source>Add yourself to the group, then log out and back in:</source>
        <extracomment>Fix for the permission problem (keep the command as is)</extracomment>
        <translation>다음 명령으로 그룹에 자신을 추가한 뒤, 로그아웃했다가 다시 로그인하세요:</translation>
    </message>
    <message>
        <source>Enter the engine's socket below (the default is unix:///run/berth/berth.sock), or start the engine:</source>
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
        <extracomment>The technical reason the connection failed; %1 is the system's message</extracomment>
        <translation>자세한 내용: %1</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Hide details</source>
        <extracomment>Button that shows the engine's own error message</extracomment>
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
        <extracomment>Shown after unused images were removed; %1 is how many, %2 the space freed (e.g. "12 MB")</extracomment>
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
        <extracomment>Validation message under the "Pull by name" field when it is empty</extracomment>
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
        <extracomment>Heading of the list of an image's layers (its history)</extracomment>
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
    <name>Main</name>
    <message>
        <source>Berth</source>
        <extracomment>Window title</extracomment>
        <translation>Berth</translation>
    </message>
    <message>
        <source>Container details are coming soon</source>
        <extracomment>Placeholder of the container screen</extracomment>
        <translation>컨테이너 상세 화면은 준비 중입니다</translation>
    </message>
    <message>
        <source>Logs, settings and controls for a container will appear here.</source>
        <extracomment>Placeholder hint of the container screen</extracomment>
        <translation>여기에 컨테이너의 로그, 설정, 조작 버튼이 표시됩니다.</translation>
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
        <extracomment>Why "Create" is disabled on an engine without containers</extracomment>
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
        <source>Leave empty to use BERTH_HOST or DOCKER_HOST, else Berth's own engine. A Docker engine's socket works too.</source>
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
        <extracomment>Theme choice: follow the desktop's light or dark setting
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
        <extracomment>Placeholder of the "Pull by name" field</extracomment>
        <translation>이미지 이름 (예: busybox, nginx:1.25)</translation>
    </message>
    <message>
        <source>Image to pull</source>
        <extracomment>Accessible name of the "Pull by name" field</extracomment>
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
        <source>Results from the engine's search</source>
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
        <extracomment>Placeholder of the sidebar's filter box</extracomment>
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
        <extracomment>Sidebar footer; %1 is the engine's address</extracomment>
        <translation>엔진: %1</translation>
    </message>
    <message>
        <source>Connecting to the engine…</source>
        <extracomment>Sidebar footer while (re)connecting to the engine</extracomment>
        <translation>엔진에 연결하는 중…</translation>
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
        <extracomment>Explains the Tag dialog; %1 is the image's current name</extracomment>
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
</TS>