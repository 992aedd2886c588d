#include "noise_markers.hpp"

#include <algorithm>
#include <bit>
#include <span>
#include <vector>

#include "text_scan.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace precis::noise {
namespace {

// ------------------------------------------------------------------ lists
// Short on purpose: each list names the words a page puts on its furniture in
// en, de, es, fr, it, pt, zh, ja, ko. Each phrase is written as its own key
// (folded, punctuation as one space: "don t miss"), so the table needs no
// folding when it is built; tests/unit/test_noise_markers.cpp checks that.

constexpr std::string_view kCookieTopic[] = {
    "cookie", "cookies", "consent", "gdpr", "privacy policy", "privacy settings", "your privacy", "tracking",
    "datenschutz", "datenschutzerklärung", "datenschutzeinstellungen", "einwilligung", "privatsphäre",
    "política de cookies", "privacidad", "consentimiento", "política de privacidad",
    "traceurs", "confidentialité", "vie privée",
    "隐私", "隐私政策", "隐私设置",
    "クッキー", "プライバシー",
    "쿠키", "개인정보", "개인정보처리방침",
    "cookie policy", "privacidade", "informativa", "trattamento dei dati", "dati personali", "dados pessoais", "個人情報", "cookie政策",
};

constexpr std::string_view kCookieAction[] = {
    "accept", "accept all", "reject", "reject all", "decline", "agree", "i agree", "manage", "settings",
    "preferences", "options", "customize", "customise", "allow all", "got it",
    "akzeptieren", "alle akzeptieren", "ablehnen", "alle ablehnen", "zustimmen", "einstellungen", "verwalten",
    "einverstanden",
    "aceptar", "aceptar todo", "aceptar todas", "rechazar", "rechazar todo", "configurar", "configuración",
    "acepto", "gestionar", "ajustes",
    "accepter", "tout accepter", "refuser", "tout refuser", "paramètres", "personnaliser",
    "接受", "全部接受", "拒绝", "同意", "设置", "管理",
    "同意する", "拒否", "設定",
    "동의", "모두 동의", "거부", "설정", "허용", "모두 허용",
    "accetta", "accetta tutti", "rifiuta", "rifiuta tutti", "gestisci", "impostazioni", "aceitar", "aceitar todos", "rejeitar", "recusar", "gerenciar", "configurações", "paramétrer", "gérer", "すべて拒否", "すべて許可", "許可",
};

constexpr std::string_view kSiteSelf[] = {
    "we use", "we and our partners", "our partners", "this site", "this website", "our site", "our website",
    "you agree", "you consent", "by continuing", "by clicking", "by using",
    "wir verwenden", "wir nutzen", "diese website", "unsere website", "diese seite", "sie stimmen",
    "wir und unsere partner", "unsere partner",
    "utilizamos", "usamos", "este sitio", "este sitio web", "nuestro sitio", "nuestra web", "nuestros socios",
    "nous utilisons", "ce site", "nos partenaires",
    "本网站", "本站", "我们使用", "我们和我们的合作伙伴",
    "当サイト", "このサイト",
    "당사", "이 사이트", "본 사이트", "당사는", "저희",
    "use cookies", "uses cookies", "utilisent des cookies", "utilise des cookies", "ses partenaires", "en poursuivant", "en cliquant", "vous acceptez", "verwendet cookies", "nutzt cookies", "utiliza cookies", "usa cookies", "utilizziamo", "usiamo", "questo sito", "i nostri partner", "este site", "nosso site", "nossos parceiros", "usamos cookies", "当ウェブサイト", "本サイト", "当社",
};

constexpr std::string_view kConsentButton[] = {
    "accept", "accept all", "accept cookies", "accept all cookies", "reject", "reject all", "reject all cookies",
    "decline", "agree", "i agree", "manage", "manage cookies", "manage preferences", "manage settings",
    "cookie settings", "more options", "options", "ok", "got it", "allow", "allow all", "only necessary",
    "necessary only", "save", "save settings", "and", "or", "yes", "no", "take me to settings", "read more",
    "learn more", "more info", "privacy policy", "continue", "close",
    "akzeptieren", "alle akzeptieren", "ablehnen", "alle ablehnen", "einstellungen", "zustimmen",
    "nur notwendige", "speichern", "verstanden", "weiter", "und",
    "aceptar", "aceptar todo", "aceptar todas", "rechazar", "rechazar todo", "rechazar todas", "configurar",
    "configuración", "más opciones", "entendido", "guardar",
    "tout accepter", "tout refuser", "accepter", "refuser", "paramètres", "personnaliser",
    "接受", "全部接受", "接受全部", "拒绝", "全部拒绝", "设置", "同意", "管理设置",
    "同意する", "すべて同意", "拒否", "設定",
    "동의", "모두 동의", "거부", "모두 거부", "설정", "쿠키 설정", "허용", "모두 허용", "확인",
    "accetta", "accetta tutti", "rifiuta", "rifiuta tutti", "gestisci", "impostazioni", "aceitar", "aceitar todos", "rejeitar", "recusar", "configurações", "accepter et fermer", "paramétrer", "paramétrer les cookies", "fermer", "continuer sans accepter", "すべて許可", "すべて拒否", "許可",
    "personalizza", "personalizar", "customize", "customise", "preferenze", "preferências",
};

constexpr std::string_view kCookieHeading[] = {
    "we value your privacy", "your privacy choices", "your privacy", "cookie consent", "cookie settings",
    "cookie preferences", "cookie policy", "privacy settings", "manage consent",
    "datenschutzeinstellungen", "wir respektieren ihre privatsphäre", "ihre privatsphäre", "cookie einstellungen",
    "tu privacidad", "configuración de cookies", "valoramos tu privacidad",
    "gestion des cookies", "vos choix",
    "隐私设置", "cookie设置", "隐私偏好",
    "プライバシー設定",
    "쿠키 설정", "개인정보 보호",
    "paramétrer les cookies", "gérer les cookies", "vos préférences", "la tua privacy", "gestione dei cookie", "sua privacidade", "configurações de cookies", "cookieの設定", "cookie設定",
};

constexpr std::string_view kNewsletterTopic[] = {
    "newsletter", "newsletters", "daily briefing", "morning briefing", "email updates", "breaking news alerts",
    "newsletter abonnieren", "boletín", "boletines", "lettre d information",
    "新闻简报", "邮件订阅", "订阅",
    "ニュースレター", "メールマガジン",
    "뉴스레터",
    "newsletter gratuite", "lettre d information", "la nostra newsletter", "nossa newsletter",
};

constexpr std::string_view kNewsletterAction[] = {
    "sign up", "sign up for", "subscribe to", "subscribe now", "privacy notice", "your inbox", "to your inbox", "your email",
    "enter your email", "email address", "get the latest", "delivered to your inbox", "straight to your inbox",
    "jetzt abonnieren", "abonnieren sie", "melden sie sich", "jetzt anmelden", "ihre e mail adresse", "e mail adresse",
    "kostenlos anmelden", "anmelden", "ihrem postfach", "ihr postfach",
    "suscríbete", "suscríbase", "suscribirse", "regístrate", "registrate", "recibe", "recibí", "tu correo",
    "correo electrónico",
    "inscrivez vous", "abonnez vous", "votre adresse e mail",
    "订阅我们", "立即订阅", "订阅我们的", "输入邮箱", "电子邮箱",
    "登録する", "メールアドレス",
    "구독하기", "구독하세요", "구독 신청", "이메일 주소", "이메일",
    "inscrivez vous", "recevez", "iscriviti", "ricevi", "inscreva se", "assine", "receba", "登録", "購読",
};

constexpr std::string_view kShare[] = {
    "share", "share this", "share this article", "share this story", "share page", "print", "email", "e mail",
    "facebook", "twitter", "x", "whatsapp", "linkedin", "telegram", "reddit", "pinterest", "messenger", "flipboard",
    "copy link", "copy", "link", "link copied", "save", "save article", "comment", "comments", "follow", "bluesky",
    "threads", "instagram", "youtube", "tiktok", "gift this article", "listen", "listen to this article",
    "subscribe", "reuse this content", "comments count",
    "teilen", "drucken", "kopieren", "link kopieren", "folgen", "merken", "artikel teilen", "kommentare",
    "artikel anhören", "vorlesen", "mail", "merkliste", "zur merkliste hinzufügen", "hinzufügen",
    "compartir", "imprimir", "copiar enlace", "enlace", "seguir", "guardar", "comentarios", "escuchar",
    "partager", "imprimer", "copier le lien", "commentaires", "écouter",
    "分享", "分享到", "打印", "收藏", "微信", "微博", "复制链接", "朋友圈", "qq空间", "qq", "评论", "点赞",
    "共有", "印刷", "ツイート", "コメント", "ブックマーク",
    "공유", "공유하기", "인쇄", "인쇄하기", "카카오톡", "페이스북", "트위터", "링크 복사", "스크랩", "댓글",
    "좋아요", "sns 보내기", "보내기", "본문 듣기", "글자 크기", "글자크기", "기사 스크랩", "공감", "본문 요약봇",
    "요약봇", "텍스트 음성 변환 서비스 사용하기", "변경하기", "글자 크기 변경하기", "인쇄하기", "글자크기조정",
    "シェア", "シェアする", "lineで送る", "送る", "はてなブックマーク", "印刷する", "保存", "condividi", "stampa", "copia link", "commenti", "compartilhar", "copiar link", "comentários", "envoyer par e mail", "envoyer", "partager sur facebook",
    "bagikan", "komentar", "delen", "reacties", "поделиться", "комментарии",
};

constexpr std::string_view kShareStart[] = {
    "share this", "share on", "share via", "follow us", "follow us on", "follow", "listen to this article",
    "teilen sie", "folgen sie uns", "folgen sie", "teilen auf",
    "compartir en", "síguenos", "siga a", "síguenos en",
    "suivez nous", "partager sur",
    "分享到", "关注我们", "关注",
    "フォロー",
    "공유하기", "팔로우",
    "partagez", "condividi su", "compartilhe", "シェアする",
};

// An app promotion ("Download our app and turn on notifications") needs a
// topic and an action in the same short block.
constexpr std::string_view kAppTopic[] = {
    "our app", "our apps", "the app", "app store", "google play",
    "unsere app", "unserer app", "die app",
    "nuestra app", "la app", "nuestra aplicación",
    "notre application", "notre appli", "l application",
    "客户端", "我们的app",
    "アプリ",
    "앱",
};

constexpr std::string_view kAppAction[] = {
    "download", "install", "notifications", "push notifications", "get the app",
    "herunterladen", "laden sie", "benachrichtigungen", "installieren",
    "descarga", "descargue", "descargar", "notificaciones", "instala",
    "téléchargez", "télécharger", "notifications push",
    "下载", "推送", "通知",
    "ダウンロード",
    "다운로드", "알림", "설치",
};

constexpr std::string_view kNavigation[] = {
    "home", "menu", "search", "skip to content", "skip to main content", "skip to navigation", "sign in", "log in",
    "login", "register", "my account", "account", "main menu", "close", "open menu", "back to top",
    "news", "world", "uk", "us", "business", "politics", "tech", "technology", "science", "health", "culture",
    "sport", "sports", "opinion", "video", "audio", "live", "weather", "travel", "lifestyle", "entertainment",
    "economy", "more", "latest", "local", "europe", "asia", "africa", "americas", "middle east", "innovation",
    "arts", "earth", "climate",
    "startseite", "suche", "anmelden", "abmelden", "zum inhalt springen", "politik", "wirtschaft", "ausland",
    "inland", "kultur", "wissenschaft", "panorama", "meinung", "mehr", "abo", "netzwelt", "gesellschaft",
    "inicio", "buscar", "iniciar sesión", "portada", "internacional", "política", "economía", "sociedad",
    "deportes", "opinión", "tecnología", "ciencia", "menú", "españa", "américa", "mundo", "cultura",
    "accueil", "rechercher", "connexion", "international", "économie", "société",
    "首页", "登录", "注册", "搜索", "新闻", "国际", "国内", "财经", "科技", "体育", "娱乐", "军事", "社会",
    "正文", "返回首页", "频道", "博客", "专栏", "更多", "汽车", "房产", "视频", "教育", "健康", "时尚", "旅游",
    "游戏", "要闻", "深度", "时政", "文化", "军事", "图片", "直播", "评论", "地方", "产经", "股票", "基金",
    "ホーム", "ログイン", "検索", "ニュース",
    "홈", "로그인", "검색", "회원가입", "메뉴", "정치", "경제", "사회", "국제", "문화", "스포츠", "연예",
    "전체메뉴", "뉴스", "산업", "세계", "오피니언", "본문 바로가기",
    "aller au contenu", "aller au contenu principal", "passer au contenu", "zum hauptinhalt", "zum hauptinhalt springen", "ir al contenido", "saltar al contenido", "vai al contenuto", "ir para o conteúdo", "跳到主要内容", "跳过导航", "本文へ移動", "本文へスキップ", "メニュー", "トップ", "社会", "政治", "経済", "国際", "スポーツ", "科学", "天気", "ビジネス", "カルチャー", "politique", "culture", "sport", "monde", "planète", "idées", "cerca", "accedi", "esteri", "cronaca", "economia", "politica", "pesquisar", "entrar", "últimas", "brasil",
};

constexpr std::string_view kFooter[] = {
    "terms of use", "terms of service", "privacy policy", "contact us", "about us", "accessibility",
    "cookie policy", "help", "contact", "careers", "advertise with us", "sitemap",
    "impressum", "nutzungsbedingungen", "kontakt", "datenschutz", "agb",
    "aviso legal", "contacto", "política de privacidad", "quiénes somos",
    "mentions légales", "nous contacter",
    "关于我们", "联系我们", "免责声明", "违法和不良信息举报", "网站地图", "隐私政策",
    "お問い合わせ", "利用規約",
    "이용약관", "고객센터", "개인정보처리방침", "회사소개", "청소년보호정책",
    "politique de confidentialité", "conditions d utilisation", "conditions générales", "plan du site", "qui sommes nous", "nous contacter", "プライバシーポリシー", "サイトマップ", "会社概要", "ご利用にあたって", "informativa sulla privacy", "chi siamo", "contatti", "termini e condizioni", "termos de uso", "política de privacidade", "fale conosco", "expediente",
};

constexpr std::string_view kFooterStrong[] = {
    "all rights reserved", "rights reserved", "alle rechte vorbehalten", "todos los derechos reservados",
    "derechos reservados", "tous droits réservés", "版权所有", "无断转载", "無断転載", "무단 전재", "무단전재",
    "재배포 금지", "무단 전재 및 재배포 금지", "저작권자",
    "tutti i diritti riservati", "todos os direitos reservados", "all right reserved",
};

constexpr std::string_view kAdvertisement[] = {
    "advertisement", "advertising", "ad", "ads", "sponsored", "sponsored content", "promoted", "paid content",
    "partner content", "paid post", "promotion",
    "anzeige", "werbung", "gesponsert",
    "publicidad", "anuncio", "contenido patrocinado", "patrocinado",
    "publicité", "sponsorisé",
    "广告", "推广", "赞助", "赞助内容",
    "広告", "pr", "スポンサー",
    "광고", "협찬", "스폰서", "ad",
    "pubblicità", "publicidade", "annuncio", "sponsorizzato", "iklan", "advertorial", "advertentie", "gesponsord",
    "реклама",
};

constexpr std::string_view kAdPhrase[] = {
    "story continues below advertisement", "article continues below", "continue reading below",
    "advertisement continue reading", "scroll to continue", "skip advert", "skip ad",
    "weiter nach der anzeige", "weiterlesen nach der anzeige", "nach der anzeige",
    "continúa después de la publicidad", "sigue leyendo", "continúa leyendo",
    "la suite après la publicité",
    "下载app", "打开app", "客户端", "广告",
    "광고 건너뛰기", "앱 다운로드", "앱에서 보기",
};

constexpr std::string_view kRelated[] = {
    "related", "related articles", "related stories", "related content", "related topics", "related coverage",
    "related links", "related internet links", "related reading", "more on this story", "read more",
    "read more about", "more stories", "more from", "more from bbc", "more news", "most read", "most popular",
    "most viewed", "most watched", "you may also like", "you might also like", "top stories", "recommended",
    "recommended for you", "trending", "trending now", "latest news", "also read", "see also", "don t miss",
    "editor s picks", "elsewhere", "more in", "more to explore", "what to read next", "read next", "up next",
    "mehr zum thema", "lesen sie auch", "lesen sie mehr", "das könnte sie auch interessieren", "meistgelesen",
    "meistgelesene artikel", "weitere artikel", "auch interessant", "zum thema", "mehr dazu", "weiterlesen",
    "empfehlungen", "top artikel", "verwandte artikel", "mehr aus",
    "noticias relacionadas", "te puede interesar", "lo más leído", "más noticias", "relacionados",
    "relacionado", "lee también", "leer más", "contenido relacionado", "puede que te interese", "más información",
    "también te puede interesar", "temas relacionados", "lo último", "lea también", "mirá también",
    "ver también", "vea también", "lo más visto", "más vistos", "most shared", "más leídas", "últimas noticias",
    "à lire aussi", "lire aussi", "sur le même sujet", "les plus lus", "articles liés", "lire la suite",
    "相关文章", "相关新闻", "相关阅读", "推荐阅读", "热门文章", "延伸阅读", "更多新闻", "热点新闻", "猜你喜欢",
    "阅读更多", "热门推荐", "相关报道", "相关", "热门", "推荐", "更多", "阅读全文", "精彩推荐", "热读",
    "関連記事", "あわせて読みたい", "おすすめ記事", "人気記事", "続きを読む",
    "관련 기사", "관련기사", "많이 본 뉴스", "추천 기사", "이 시각 주요뉴스", "함께 볼만한 뉴스", "더보기",
    "주요 뉴스", "주요뉴스", "핫뉴스", "오늘의 주요뉴스", "관련 뉴스", "관련뉴스", "많이 본 기사", "추천 뉴스",
    "이 기사와 함께 많이 본 뉴스",
    "関連ニュース", "関連リンク", "こちらもおすすめ", "注目記事", "最新ニュース", "アクセスランキング", "ランキング", "あわせて読む", "leggi anche", "potrebbe interessarti", "articoli correlati", "i più letti", "più letti", "leia também", "veja também", "notícias relacionadas", "mais lidas", "leia mais", "sur le même thème", "à voir aussi", "voir aussi", "plus d articles", "dans la même rubrique",
    "baca juga", "berita terkait", "artikel terkait", "lihat juga", "terpopuler", "berita lainnya",
    "lees ook", "meer nieuws", "gerelateerde artikelen", "читайте также", "похожие новости", "другие новости",
};

constexpr std::string_view kCaptionPrefix[] = {
    "image", "images", "photo", "photos", "photograph", "picture", "image source", "image caption",
    "media caption", "video caption", "caption", "credit", "pictured", "illustration", "file photo",
    "foto", "fotos", "bild", "bildquelle", "quelle", "symbolbild", "archivbild", "archivfoto", "bildunterschrift",
    "imagen", "fotografía", "crédito", "fuente", "ilustración",
    "légende", "crédit",
    "图片", "图", "图片来源", "资料图", "资料图片", "资料照片", "图为", "摄影", "视频",
    "写真", "画像", "資料写真",
    "사진", "사진 제공", "그래픽", "자료사진",
    "foto di", "didascalia",
};

constexpr std::string_view kCaptionCredit[] = {
    "getty images", "reuters", "afp", "ap photo", "epa", "epa efe", "efe", "dpa", "picture alliance",
    "xinhua", "yonhap", "pa media", "pa images", "shutterstock", "alamy", "anadolu", "bloomberg", "imago",
    "keystone", "afp via getty images", "europa press", "ap images", "istock", "©",
    "新华社", "视觉中国", "中新社", "东方ic", "摄", "供图", "图源",
    "共同通信",
    "연합뉴스", "뉴스1", "뉴시스", "게티이미지", "게티이미지뱅크", "재판매 및 db 금지", "db 금지", "사진공동취재단",
    "공동취재단", "공동취재", "독자 제공",
    "ansa", "lusa", "agência brasil", "jiji", "時事通信", "afp 時事", "kyodo", "sipa", "maxppp", "hans lucas", "belga", "anp", "tass", "ria novosti",
};

constexpr std::string_view kCaptionAi[] = {
    "ai generated image", "ai generated picture", "image generated by ai", "image generated with ai",
    "ai image", "ai generated illustration", "ai illustration",
    "ki generiertes bild", "mit ki generiertes bild", "bild mit ki erstellt", "ki generiert", "ki bild",
    "imagen generada por ia", "imagen generada con ia", "imagen creada con ia",
    "image générée par ia", "image générée par l ia",
    "ai 生成的图像", "ai生成的图像", "ai 生成图像", "ai生成图像", "ai 生成的图片", "ai生成图片", "人工智能生成的图像",
    "ai 生成画像", "ai生成画像",
    "ai 생성 이미지", "ai로 생성한 이미지", "ai 생성 그래픽", "ai 이미지",
};

constexpr std::string_view kBylineStart[] = {
    "by", "reported by", "written by", "words by", "analysis by", "story by", "interview by", "reporting by",
    "editing by", "additional reporting by",
    "von", "text", "autor", "autorin", "ein kommentar von", "eine analyse von",
    "por", "redacción", "autor", "texto",
    "par", "rédaction",
    "作者", "记者", "文", "编辑", "责任编辑", "来源", "本报记者", "撰文",
    "文", "記者",
    "글", "기자", "출처",
};

constexpr std::string_view kBylineTag[] = {
    "기자", "특파원", "记者", "通讯员", "责任编辑", "correspondent", "reporter", "editor", "redakteur",
    "korrespondent", "korrespondentin", "corresponsal", "periodista",
};

constexpr std::string_view kAiLabel[] = {
    "reported by ai", "written by ai", "generated by ai", "created by ai", "ai generated article",
    "ai generated content", "ai assisted", "produced with ai", "with the help of ai", "this article was generated",
    "contributed to this report", "contributed reporting", "about the author", "sobre la firma", "über den autor",
    "zur person", "关于作者", "기자 정보", "기자 프로필", "contributed to this story", "mitarbeit",
    "colaboró en esta información", "con información de", "综合报道", "报道综合",
    "this story was generated", "ai summary",
    "mit ki erstellt", "mit hilfe von ki", "von ki erstellt", "ki generierter text", "ki gestützt",
    "generado por ia", "redactado con ia", "creado con ia", "con ayuda de ia", "generado con inteligencia artificial",
    "généré par ia", "rédigé par ia",
    "由ai生成", "本文由ai", "ai生成", "ai 生成", "人工智能生成", "ai辅助", "ai 辅助",
    "ai生成記事", "aiが作成",
    "ai 작성", "ai가 작성", "ai가 작성한", "ai 기자", "ai 생성 기사", "인공지능이 작성",
};

constexpr std::string_view kTimeWord[] = {
    "published", "updated", "last updated", "posted", "first published", "modified", "date",
    "veröffentlicht", "aktualisiert", "stand", "zuletzt aktualisiert", "erschienen am",
    "publicado", "actualizado", "fecha", "actualización",
    "publié", "mis à jour", "publié le",
    "发布时间", "发布于", "更新时间", "发表时间", "发表于", "时间", "日期", "发布",
    "公開", "更新", "配信",
    "입력", "수정", "업데이트", "기사입력", "최종수정", "승인", "등록",
    "pubblicato", "aggiornato", "publicado em", "atualizado", "mis à jour le", "更新日", "公開日", "配信日時",
};

constexpr std::string_view kAgo[] = {
    "ago", "il y a", "小时前", "分钟前", "天前", "秒前", "時間前", "分前", "日前",
    "시간 전", "분 전", "일 전", "시간전", "분전",
};

constexpr std::string_view kAgoUnit[] = {
    "hours", "hour", "minutes", "minute", "mins", "min", "hrs", "days", "day", "seconds",
    "stunden", "stunde", "minuten", "minute", "tagen", "tag", "std",
    "horas", "hora", "minutos", "minuto", "días", "día",
    "heures", "heure", "jours",
};

constexpr std::string_view kMonth[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
    "noviembre", "diciembre",
    "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre",
    "décembre",
    "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre", "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro",
};

constexpr std::string_view kReadTime[] = {
    "min", "min read", "minute read", "minutes read", "reading time", "lesezeit", "min lesezeit", "tiempo de lectura",
    "min de lectura", "temps de lecture", "阅读时间", "阅读", "읽는 시간", "분 읽기",
};

// Comment sections: their headings ("37 comments", "Leave a Reply") and the
// short lines around each comment ("Reply", "Report this comment", "Ed says:").
constexpr std::string_view kComment[] = {
    "comment", "comments", "reply", "replies", "reply to this", "replydelete", "leave a reply", "leave a comment",
    "post a comment", "add a comment", "add comment", "write a comment", "recent comments", "readers comments",
    "reader comments", "report this comment", "report abuse", "comments are moderated", "your comment",
    "post comments", "view comments", "show comments", "hide comments", "comments rss", "responses", "response",
    "says", "said", "wrote", "discussion", "join the discussion", "join the conversation", "permalink",
    "trackback", "trackbacks", "pingback", "pingbacks", "notify me of follow up comments",
    "notify me of followup comments", "notify me of new comments", "comments powered by disqus", "commenting",
    "antworten", "kommentar", "kommentare", "kommentieren", "kommentar schreiben", "leserkommentare",
    "responder", "comentario", "comentarios", "deja un comentario", "deje un comentario", "escribe un comentario",
    "répondre", "commentaire", "commentaires", "laisser un commentaire", "réagir",
    "rispondi", "commento", "commenti", "lascia un commento", "comentário", "comentários", "deixe um comentário",
    "评论", "发表评论", "网友评论", "回复", "留言", "跟帖",
    "コメント", "コメントする", "返信",
    "댓글", "답글", "댓글 쓰기", "댓글쓰기",
};

// A tag or category line starts with one of these and a colon ("Tags:",
// "Kategorien:"); the phrases of two words and more also without one
// ("Filed under news").
constexpr std::string_view kFiling[] = {
    "tags", "tag", "tagged", "tagged with", "tagged as", "filed under", "filed in", "posted in", "posted under",
    "categories", "category", "topics", "keywords",
    "schlagwörter", "schlagworte", "stichwörter", "stichworte", "kategorie", "kategorien", "themen", "abgelegt unter",
    "etiquetas", "categoría", "categorías", "temas", "palabras clave", "archivado en",
    "étiquettes", "mots clés", "mots clefs", "catégorie", "catégories", "thèmes", "classé dans",
    "argomenti", "categoria", "categorie", "parole chiave", "archiviato in",
    "marcadores", "categorias", "tópicos", "palavras chave", "arquivado em",
    "标签", "分类", "关键词", "標籤", "關鍵詞",
    "タグ", "カテゴリー", "カテゴリ", "キーワード",
    "태그", "카테고리", "키워드", "분류",
};

// The page asking for scripts or a plug-in where its media or comments would be.
constexpr std::string_view kScriptNotice[] = {
    "requires javascript", "require javascript", "required javascript", "javascript is required",
    "javascript is disabled", "javascript is not enabled", "javascript enabled", "javascript disabled",
    "enable javascript", "turn on javascript", "javascript to play", "javascript and adobe flash",
    "requires adobe flash", "requires flash", "flash player is required", "get adobe flash player",
    "your browser does not support", "javascript aktivieren", "aktivieren sie javascript", "javascript ist deaktiviert",
    "activer javascript", "activez javascript", "javascript est désactivé", "habilita javascript",
    "habilite javascript", "activa javascript", "attiva javascript", "abilita javascript", "ative o javascript",
    "habilite o javascript", "启用javascript", "启用 javascript", "javascriptを有効", "javascript를 활성화",
};

// Where a photo sits, as a caption starts: "Above: ...", "Links: ...".
constexpr std::string_view kCaptionPlace[] = {
    "above", "below", "left", "right", "top", "bottom", "from left", "left to right", "clockwise from top left",
    "oben", "unten", "links", "rechts", "von links",
    "arriba", "abajo", "izquierda", "derecha", "de izquierda a derecha",
    "ci dessus", "ci dessous", "à gauche", "à droite", "de gauche à droite",
    "sopra", "sotto", "a sinistra", "a destra", "da sinistra",
    "acima", "abaixo", "à esquerda", "à direita", "da esquerda para a direita",
};

constexpr PhraseList kLists[] = {
    {Cue::CookieTopic, kCookieTopic},     {Cue::CookieAction, kCookieAction},
    {Cue::SiteSelf, kSiteSelf},           {Cue::ConsentButton, kConsentButton},
    {Cue::CookieHeading, kCookieHeading}, {Cue::NewsletterTopic, kNewsletterTopic},
    {Cue::NewsletterAction, kNewsletterAction}, {Cue::Share, kShare},
    {Cue::ShareStart, kShareStart},       {Cue::Navigation, kNavigation},
    {Cue::AppTopic, kAppTopic},           {Cue::AppAction, kAppAction},
    {Cue::Footer, kFooter},               {Cue::FooterStrong, kFooterStrong},
    {Cue::Advertisement, kAdvertisement}, {Cue::AgoUnit, kAgoUnit},
    {Cue::AdPhrase, kAdPhrase},           {Cue::Related, kRelated},
    {Cue::CaptionPrefix, kCaptionPrefix}, {Cue::CaptionCredit, kCaptionCredit},
    {Cue::CaptionAi, kCaptionAi},         {Cue::BylineStart, kBylineStart},
    {Cue::BylineTag, kBylineTag},         {Cue::AiLabel, kAiLabel},
    {Cue::TimeWord, kTimeWord},           {Cue::Ago, kAgo},
    {Cue::Month, kMonth},                 {Cue::ReadTime, kReadTime},
    {Cue::Comment, kComment},             {Cue::Filing, kFiling},
    {Cue::ScriptNotice, kScriptNotice},   {Cue::CaptionPlace, kCaptionPlace},
};
static_assert(kCueCount <= 32, "a trie node keeps its cues as bits of a uint32");

// Particles and endings that attach to a Korean word: "쿠키" + "를".
constexpr std::string_view kHangulSuffixes[] = {
    "은", "는", "이", "가", "을", "를", "의", "에", "에서", "로", "으로", "와", "과", "도", "만", "에게", "께",
    "하기", "하세요", "합니다", "하고", "한", "된", "입니다", "이다", "란", "들", "하는", "해", "해요", "해주세요",
};

// Does the token that continues at key[pos] consist of one particle/ending?
bool hangul_suffix(std::string_view key, std::size_t pos) {
  std::size_t end = key.find(' ', pos);
  if (end == std::string_view::npos) end = key.size();
  const std::string_view rest = key.substr(pos, end - pos);
  for (std::string_view suffix : kHangulSuffixes) {
    if (rest == suffix) return true;
  }
  return false;
}

// Every phrase of every list in one byte trie: scanning a key walks it once
// from each word start, and a node where phrases end holds their cues. Built
// on first use from the lists as written (about 1,500 phrases, no folding).
class Trie {
 public:
  struct Node {
    std::uint32_t first_child = 0;   // 0: none (node 0 is the root, nobody's child)
    std::uint32_t next_sibling = 0;  // 0: last child
    std::uint32_t cues = 0;          // bit(c) for each list with a phrase ending here
    std::uint32_t dense = 0;         // 1 + index into dense_ for nodes with many children, else 0
    unsigned char byte = 0;          // the byte on the edge into this node
    bool ends_cjk = false;           // the phrase's last character is CJK
    bool ends_hangul = false;        // ... or Hangul
  };

  Trie() {
    nodes_.emplace_back();  // the root, with a table from the start: every phrase begins there
    make_dense(kRoot);
    for (const PhraseList& list : kLists) {
      for (std::string_view phrase : list.phrases) insert(phrase, list.cue);
    }
    // Nodes with many children (the root, with every first byte; the first
    // letters: "s" has 20) get a table by byte, so the steps every word start
    // takes are one load each.
    for (std::uint32_t n = 0; n < nodes_.size(); ++n) {
      std::size_t children = 0;
      for (std::uint32_t c = nodes_[n].first_child; c != 0; c = nodes_[c].next_sibling) ++children;
      if (nodes_[n].dense == 0 && children >= kDenseMinChildren) make_dense(n);
    }
  }

  static constexpr std::uint32_t kRoot = 0;
  // The child of `n` along byte `b`, or 0.
  [[nodiscard]] std::uint32_t child(std::uint32_t n, unsigned char b) const {
    if (nodes_[n].dense != 0) return dense_[nodes_[n].dense - 1][b];
    for (std::uint32_t c = nodes_[n].first_child; c != 0; c = nodes_[c].next_sibling) {
      if (nodes_[c].byte == b) return c;
    }
    return 0;
  }
  [[nodiscard]] const Node& operator[](std::uint32_t n) const { return nodes_[n]; }

 private:
  void make_dense(std::uint32_t n) {
    std::array<std::uint32_t, 256>& table = dense_.emplace_back();
    table.fill(0);
    for (std::uint32_t c = nodes_[n].first_child; c != 0; c = nodes_[c].next_sibling) table[nodes_[c].byte] = c;
    nodes_[n].dense = static_cast<std::uint32_t>(dense_.size());
  }

  void insert(std::string_view phrase, Cue cue) {
    if (phrase.empty()) return;
    std::uint32_t n = 0;
    for (std::size_t i = 0; i < phrase.size(); ++i) {
      const auto b = static_cast<unsigned char>(phrase[i]);
      std::uint32_t c = child(n, b);
      if (c == 0) {
        c = static_cast<std::uint32_t>(nodes_.size());
        Node node;
        node.byte = b;
        node.next_sibling = nodes_[n].first_child;
        nodes_[n].first_child = c;
        if (nodes_[n].dense != 0) dense_[nodes_[n].dense - 1][b] = c;
        nodes_.push_back(node);
      }
      n = c;
    }
    const char32_t last = scan::last_code_point(phrase, 0, phrase.size()).code_point;
    nodes_[n].cues |= bit(cue);
    nodes_[n].ends_cjk = is_cjk_cp(last);
    nodes_[n].ends_hangul = unicode::script_of(last) == unicode::Script::Hangul;
  }

  static constexpr std::size_t kDenseMinChildren = 6;
  std::vector<Node> nodes_;
  std::vector<std::array<std::uint32_t, 256>> dense_;
};

const Trie& trie() {
  static const Trie t;
  return t;
}

}  // namespace

std::span<const PhraseList> phrase_lists() { return kLists; }

bool keeps(char32_t cp) {
  return unicode::is_letter(cp) || unicode::is_digit(cp) || cp == 0xA9 ||
         (cp >= 0x0300 && cp < 0x0370);  // combining marks stay with their letter
}

std::string make_key(std::string_view text, std::size_t max_bytes) {
  std::string folded;
  return make_key(text, max_bytes, folded);
}

namespace {

// keeps() for ASCII: letters and digits.
constexpr std::array<bool, 128> kAsciiKept = [] {
  std::array<bool, 128> kept{};
  for (std::size_t b = 0; b < kept.size(); ++b) {
    kept[b] = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
  }
  return kept;
}();

}  // namespace

std::string make_key(std::string_view text, std::size_t max_bytes, std::string& folded) {
  folded.clear();
  if (text.size() > max_bytes) {
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  // fold() reads ill-formed bytes as U+FFFD, one per maximal subpart, as
  // utf8::repaired() does (tests/unit/test_terms.cpp): no repaired copy needed.
  unicode::fold(text, folded);
  // The key is never longer than the fold: written in place (through a
  // pointer: a write through key[n] could be the fold's size, for all the
  // compiler knows), then cut.
  std::string key(folded.size(), '\0');
  char* const out = key.data();
  std::size_t n = 0;
  bool space = true;  // suppress leading spaces
  for (std::size_t pos = 0; pos < folded.size();) {
    const auto b = static_cast<unsigned char>(folded[pos]);
    if (b < 0x80) {  // ASCII: keeps() is letters and digits
      if (kAsciiKept[b]) {
        out[n++] = static_cast<char>(b);
        space = false;
      } else if (!space) {
        out[n++] = ' ';
        space = true;
      }
      ++pos;
      continue;
    }
    const utf8::Decoded d = utf8::decode(folded, pos);
    if (keeps(d.code_point)) {
      for (std::size_t k = 0; k < d.length; ++k) out[n++] = folded[pos + k];
      space = false;
    } else if (!space) {
      out[n++] = ' ';
      space = true;
    }
    pos += d.length;
  }
  if (n > 0 && key[n - 1] == ' ') --n;
  key.resize(n);
  return key;
}

double CueHits::coverage(Cue c) const {
  return letters == 0 ? 0.0 : static_cast<double>(covered[static_cast<std::size_t>(c)]) / static_cast<double>(letters);
}

CueHits scan_cues(std::string_view key, std::uint32_t union_mask) {
  CueHits hits;
  const Trie& phrases = trie();
  std::array<std::size_t, kCueCount> covered_until{};
  std::size_t union_until = 0, union_covered = 0;
  auto count_letters = [&](std::size_t from, std::size_t to) {
    std::size_t n = 0;
    for (std::size_t i = from; i < to; ++i) n += key[i] != ' ' ? 1 : 0;
    return n;
  };
  hits.letters = key.size() - static_cast<std::size_t>(std::count(key.begin(), key.end(), ' '));

  bool previous_cjk = false;
  for (std::size_t pos = 0; pos < key.size();) {
    const utf8::Decoded d = utf8::decode(key, pos);
    const bool cjk = is_cjk_cp(d.code_point);
    const bool word_start = pos == 0 || key[pos - 1] == ' ' || cjk || previous_cjk;
    // (The rest of an ASCII word is skipped below: no word starts inside it.)
    if (word_start && key[pos] != ' ') {
      // The phrases that are prefixes of key[pos..], shortest first: walk the
      // trie along the key; a node with cues is a phrase ending at pos + len.
      std::uint32_t n = phrases.child(Trie::kRoot, static_cast<unsigned char>(key[pos]));
      for (std::size_t len = 1; n != 0; ++len) {
        const Trie::Node& node = phrases[n];
        const std::size_t end = pos + len;
        bool ends_here = node.cues != 0;
        if (ends_here && end < key.size() && key[end] != ' ' && !node.ends_cjk) {
          // An alphabetic phrase must end at a word end (or before CJK text);
          // a Korean one may carry a particle or ending ("쿠키를", "구독하세요").
          const utf8::Decoded next = utf8::decode(key, end);
          ends_here = is_cjk_cp(next.code_point) || (node.ends_hangul && hangul_suffix(key, end));
        }
        for (std::uint32_t cues = ends_here ? node.cues : 0; cues != 0; cues &= cues - 1) {
          const auto c = static_cast<std::size_t>(std::countr_zero(cues));
          if (hits.count[c] < UINT16_MAX) ++hits.count[c];
          if (pos == 0) {
            hits.at_start[c] = true;
            hits.start_end[c] = static_cast<std::uint16_t>(std::max<std::size_t>(hits.start_end[c], std::min<std::size_t>(end, UINT16_MAX)));
          }
          const std::size_t from = std::max(pos, covered_until[c]);
          if (end > from) {
            hits.covered[c] = static_cast<std::uint16_t>(std::min<std::size_t>(hits.covered[c] + count_letters(from, end), UINT16_MAX));
            covered_until[c] = end;
          }
          if ((union_mask & (std::uint32_t{1} << c)) != 0) {
            const std::size_t ufrom = std::max(pos, union_until);
            if (end > ufrom) {
              union_covered += count_letters(ufrom, end);
              union_until = end;
            }
          }
        }
        if (end >= key.size()) break;
        n = phrases.child(n, static_cast<unsigned char>(key[end]));
      }
    }
    previous_cjk = cjk;
    pos += d.length;
    if (d.code_point < 0x80 && d.code_point != ' ') {
      while (pos < key.size() && key[pos] != ' ' && static_cast<unsigned char>(key[pos]) < 0x80) ++pos;
    }
  }
  hits.union_coverage = hits.letters == 0 ? 0.0 : static_cast<double>(union_covered) / static_cast<double>(hits.letters);
  return hits;
}

namespace {

constexpr std::string_view kCreditLabels[] = {
    "photograph:", "photo:", "photos:", "picture:", "image:", "credit:", "foto:", "fotos:", "bild:",
    "bildquelle:", "imagen:", "fotografía:", "crédito:", "crédit photo", "图片来源：", "图片来源:",
    "图片：", "图：", "资料图：", "사진=", "사진 =", "(사진=", "사진제공=", "写真：", "写真:", "画像：",
    "재판매 및 db 금지", "db 금지",
};
// Every label holds one of these: a block without any of them (most blocks)
// is answered after a few quick searches instead of one per label.
constexpr std::string_view kCreditAnchors[] = {":", "=", "：", "db 금지", "crédit photo"};

constexpr bool every_label_anchored() {
  for (std::string_view label : kCreditLabels) {
    bool anchored = false;
    for (std::string_view anchor : kCreditAnchors) anchored = anchored || label.find(anchor) != std::string_view::npos;
    if (!anchored) return false;
  }
  return true;
}
static_assert(every_label_anchored(), "a credit label without an anchor would never be found");

}  // namespace

namespace {

// A caption saying where its photo comes from, anywhere in it: "..., in this
// June 3, 2007, file photo.", "This undated photo provided by ... shows".
constexpr std::string_view kArchivePhotos[] = {
    "file photo", "file picture", "file image", "undated photo", "undated picture", "handout photo",
    "handout picture", "archive photo", "archive picture", "archivfoto", "archivbild", "photo d'archive",
    "photo d’archive", "photo d'archives", "photo d’archives", "foto de archivo", "foto d'archivio",
    "foto d’archivio", "foto de arquivo", "资料图片", "资料照片", "資料写真", "자료사진",
};
}  // namespace

std::span<const std::string_view> archive_photo_phrases() { return kArchivePhotos; }

bool names_archive_photo(std::string_view folded) {
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80; };
  for (std::string_view phrase : kArchivePhotos) {
    // A Latin phrase starts a word ("profile picture" is no "file picture").
    const bool latin = phrase.front() >= 'a' && phrase.front() <= 'z';
    for (std::size_t at = folded.find(phrase); at != std::string_view::npos; at = folded.find(phrase, at + 1)) {
      if (!latin || at == 0 || !letter(folded[at - 1])) return true;
    }
  }
  return false;
}

bool has_credit_label(std::string_view folded) {
  bool anchored = false;
  for (std::string_view anchor : kCreditAnchors) {
    if (folded.find(anchor) != std::string_view::npos) {
      anchored = true;
      break;
    }
  }
  if (!anchored) return false;
  for (std::string_view label : kCreditLabels) {
    if (folded.find(label) != std::string_view::npos) return true;
  }
  return false;
}

CreditTail credit_tail(std::string_view folded) {
  while (!folded.empty() && (folded.back() == ' ' || folded.back() == ')' || folded.back() == '\n')) {
    folded.remove_suffix(1);
  }
  const std::size_t paren = folded.rfind('(');
  const std::size_t stop = folded.rfind(". ");
  std::size_t from = 0;
  if (paren != std::string_view::npos) from = paren + 1;
  if (stop != std::string_view::npos) from = std::max(from, stop + 2);
  if (from == 0) return CreditTail::None;  // the whole block: not a tail
  const std::string_view tail = folded.substr(from);
  if (tail.empty() || tail.size() > kCreditTailMaxBytes) return CreditTail::None;
  const bool in_parentheses = paren != std::string_view::npos && from == paren + 1;
  const bool photo_word = tail.starts_with("photo") || tail.starts_with("foto") || tail.starts_with("image");
  if (!in_parentheses && !photo_word && tail.find('/') == std::string_view::npos) return CreditTail::None;
  if (!scan_cues(make_key(tail, tail.size())).has(Cue::CaptionCredit)) return CreditTail::None;
  if (in_parentheses) {
    for (std::string_view word : {"photo", "foto", "image", "picture", "bild"}) {
      if (tail.find(word) != std::string_view::npos) return CreditTail::PhotoCredit;
    }
  }
  return CreditTail::Credit;
}

}  // namespace precis::noise
