package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wxintake/intake/knowledge"
)

// The cues of each dialogue act, as patterns over the compact canonical text (lower-case,
// no spaces, punctuation kept). They are language, not product knowledge: how people ask
// for a person, say goodbye, threaten to complain or ask a price. Each list is exercised by
// the table in acts_test.go and measured on the behaviour corpus (intake kb eval).
var (
	cueHandoff = knowledge.MustGate(`^人工([^费]|$)|转人工|人工客服|人工服务|找人工|要人工|接人工|转接人工|有人工(吗|么|没|不)|有没有人工|人工人工|真人客服|(要|找|寻|搵|叫|喊|接|转|给我|来|整|换|让|派|需要|想要|想找|想和|想跟|跟|和)个?(真人|活人|人工|客服|售后人员|工作人员|专员|懂行的人|懂的人|人来|人跟我|人和我)|找个人|叫个人|接个人|转个人|活人|转客服|找客服|叫客服|让客服|客服(来|出来|在哪|呢)|别让机器人|不要机器人|不想跟机器|不想和机器|不跟机器|机器人(走开|滚|别说|听不懂)|别自动回复|不要自动回复|跟人(说|讲|聊|沟通)|找你们(的)?(人|领导|经理|负责人)|(让|叫|找|喊|请)(你们)?的?(主管|经理|领导|负责人|上级|管事的)|跟机器人?(说|讲)不(清|明白)|叫你们(的)?(人|领导|经理|负责人)|给我打(个)?电话|人工[^,，。!?？]{0,4}(打|联系|回)(我|个)?(的)?电话|打电话给我|来个人|有没有人管|到底有没有人([^接]|$)|人呢|人工呢|真人呢|转接|懂行的|技术员|技术人员|负责的人|服务人员|接过去|电话沟通|直接打电话|打电话说|(来|让)[^,，。!?？]{0,8}(跟|和)我(谈|聊|沟通)|接线员|在线客服|客服电话|人工电话|电话客服|客服的电话|要human|human|kf.{0,3}真人|换个?人(来|吧|说|聊|$)|换一个人|客服[^,，。!?？]{0,5}出来|(人|客服|你们?|管事的|负责人|领导|经理|师傅)[^,，。!?？]{0,3}出来(一下|下)?$|人(出来|呢)|唠不明白|说不明白|讲不清楚|沟通不了`)
	cueCancel  = knowledge.MustGate(`(先|就)?(别|不要|甭|莫|唔好|覅|勿要|伐要|表)(提交|报修|报了|派人)(了|啦|咯)?|(覅|莫|别|甭|勿要|伐要)交(了|啦|咯|住)?($|,| |我)|(不用|别|不要|伐要|勿要|唔使|唔要|不必)(再)?登记(了|啦|咯|哦|吧)?($|,)|先不(提交|报修|报了|登记|修)了?|暂时不(提交|报修|修)了?|(勿要|不要|别|唔好|唔使)(师傅|人)?(来|过来|上门)了|取消掉|帮我取消|取消咗|取消它|取消佢|不用嚟|唔使嚟|不用修了|不修了|不修啦|不修咯|唔修|不报修了|不用报修|不想修了|不想报修|算了不修|算了勿修|勿修了|勿要修了|莫修了|不要修了|取消(了|吧|啦)?$|^取消|取消(报修|工单|维修|预约|订单|单子|上门)|(单子|工单|报修单|维修单|报修|预约|订单|单)(帮我)?[啦了]?(取消|删了|撤了|不要了|唔要|不要啦|不用了|不需要了|作废)|撤销|撤单|不需要(维修|修|报修|上门)?了|买新的了|换新的了|先不修|不弄了|不搞了|不整了|不用了|算了吧|^算了|拉倒|不用麻烦了|不想弄了|不报了|(不用|别|不要)(师傅|人|你们)?(来|过来|上门)(了|啦|咯|喽|哈|$)|自己(找人)?修好了|(它|他|机器)?自己(又)?好了|不修了|不用处理了|不用管了|别管了|撤回|作废|不需要了|算啦|不报修啦|不想等了|退了吧|不用(喇|嘞|咯|啦)|(我说|我要|就要|给我)取消|不整(喇|啦|咯)|唔整|(不|唔|勿|莫)等(了|喇|啦|咯|咧|嘞|哒)([^吗呢么嘛]|$)|自己(找|去|拿去)(外面|别人|别家|街上|楼下|附近)[^,，。!?？]{0,4}修|找(外面|别人|别家|街上)(的人|的师傅|的店)?修|不打算(修|要|弄)了|(直接|打算|准备|拿去|干脆|就)(送人|卖掉|卖了|卖二手|扔了|扔掉|当废品)|(送人|扔了)算了`)
	cueGoodbye = knowledge.MustGate(`再见|再会|拜拜|拜了|白白|^(88|886|8888|88+~*)$|bye|see ?you|回聊|回见|先这样|就这样吧|就这样了|那就这样|下次再说|晚安|回头再说|改天再说|有空再说|晚点聊|先不聊了|不聊了|结束对话|结束聊天|撤了|溜了|告辞|下了$|走了$|先忙|闪了|下线|回头聊|改天聊|下次聊|再联系|有事再找|拜$|白了个白|睡了$|先这样吧|就先这样|我先?(挂|撤|溜|下|走)了|先撤|先走|走啦|撤啦|下啦|拜拜啦|再见啦|^(走|撤|溜)了(哈|啊|哦|呀|哈哈)?$`)
	// cueWhereWere asks where the conversation had got to, after a pause: "我回来了 刚才说到哪了".
	cueWhereWere = knowledge.MustGate(`(说|聊|讲|问)到哪(了|里了|儿了|一步)|我回来了|回来了[^,，。!?？]{0,4}(继续|接着)|(继续|接着)(说|弄|来|刚才)`)
	// cueFiledCorrection says a detail of a ticket already filed was wrong: "名字登记错了".
	cueFiledCorrection = knowledge.MustGate(`不对([^劲]|$)|错了|说错|写错|打错|记错|填错|输错|登记错|弄错|更正|纠正|有误|少了一位|多了一位|少打|多打|(最后|后|末)(一|两|二|三|四|五|几|\d)位(数|号码|数字)?(是|应该是|改成|改为|为|该是)\d|尾(号|数)(是|应该是|改成|改为|该是)\d|漏了一位|(地址|电话|手机|号码|名字|姓名|型号|品牌|牌子|门牌|序列号)[^,，。!?？]{0,6}(是[^,，。!?？]{1,12}不是|不是[^,，。!?？]{1,12}是)|是\d+(栋|号楼|幢|单元|楼|层|室|号)[^,，。!?？]{0,3}不是\d`)
	// cuePraise says the product is fine: "新出的洗地机 挺好用的".
	cuePraise          = knowledge.MustGate(`(挺|很|蛮|非常|特别|超)(好用|好的|不错|满意|给力|好使)|好用得很|用着不错|没毛病|点赞`)
	cueProgress        = knowledge.MustGate(`进度|进展|到哪(了|一步)|好久(才|能|会|可以)?(来|到|上门|派)|(师傅|工程师|人).{0,6}((什么|啥|几)(时候|时|点钟?)(来|到|上门|能来|过来|嚟)|出发|到了(吗|没)|怎么还没|咋还没|还没到)|还没(来|到|上门|联系|人联系|人来)|怎么还没|咋还没|单号|工单号|报修单|(修|换|弄|搞)(好|完)(没|未|了没|了吗|没得|冇|咗未)|修好未|回来没|寄回来没|审核(通过|结果)|处理结果|有结果|作数|还算数|(啥|什么)辰光来|有冇人接|寄丢|弄哪(儿)?去了|搞定了没|(那单|这单|我的单|那个单)[^,，。!?？]{0,4}(咋样|怎么样|如何|到哪)|有信儿|有音信|有动静(吗|没|了吗)|wx\d{8,}|查(询|一下|下|查)?(我的|我妈的|我爸的)?(工单|单子|报修|维修单)|(单子|工单|报修)[^,，。!?？]{0,4}(咋样|怎么样|到哪|啥情况|什么情况)|状态|我的(工单|单子|报修)|(报修|报的修|报了修|报修的|单子|工单|订单|预约)[^,，。!?？]{0,12}(吗|没|不|呢|状态|进展|消息|怎么样|到哪|查|成功)|修好了(没|吗|么)|修好没|寄回|快递(到|单)|派单|派了没|师傅(呢|在哪|到哪|怎么还|咋还)|有人联系|没人联系|联系我了(吗|没)|处理(得)?怎么样了|有结果了(吗|没)|有消息(吗|没)|配件到了|提交上了|提交成功|安排了(吗|没)|派人了(吗|没)|(怎么|咋)样了|什么情况了|还要等多久|要等多久|得等多久|等了多久|多久能(到|来|上门)|什么时候能修好|啥时候能修好|修到哪|还没有人|没人来|没人上门|怎么没人|之前报|上次报|前几天报|有人接(了|单)|接单了|结果出来|检测结果|检测报告|(约|预约)(的|好)?是(几|什么|啥)|师傅[^,，。!?？]{0,4}(电话|手机|号码)`)
	cueComplaint       = knowledge.MustGate(`(都|已经)[^,，。!?？]{0,3}(天|周|星期|礼拜|个月)了?[^,，。!?？]{0,4}(没人|没有人|都没|也没|还没)[^,，。!?？]{0,2}(联系|来|管|回|理)|石沉大海|没下文|没有下文|杳无音信|(^|[^0-9])(12315|315)([^0-9]|$)|消协|消费者协会|黑猫|投诉|头诉|曝光|媒体|记者|差评|举报|工商|市场监管|骗子|骗人|坑人|垃圾|太差了|什么破|破玩意|破东西|什么玩意|气死|退货|退款|赔偿|赔钱|维权|律师|起诉|法院|(修|坏)了(两|三|四|五|好几|n|2|3|4|5)次|第(二|三|四|2|3|4)次(了|坏|修)|又坏了|又漏|反复坏|修不好|一直修不好|白修|等了(好几|两|三|四|五|一|七|十|半|\d+)?个?(天|周|星期|礼拜|个月|月)|没人管|没人理|服务太差|态度太差|态度(很|太|真)?差|欺负|忽悠|敷衍|不满意|失望|生气|过分|离谱|无语|恶心|给个说法|要个说法|说法|不认账|不尊重|想不想做生意|不退|乱收费|多收|收了我|不负责|太坑|坑爹|差劲|恶劣|不靠谱|扯皮|推脱|踢皮球|一拖再拖|拖拖拉拉|没人回|不回消息|市长热线|退钱|双倍赔偿|寒心|失望透顶|垃圾服务|什么服务|服务态度|欺骗|欺诈|诈骗|智障|弱智|脑残|换货|没完|领导|没人接|(打|拨)了[^,，。!?？]{0,6}电话|这就是你们的|什么售后|售后就这|仍未修好|还没修好|都没修好|耍我|糊弄|推板|够呛|迟到|没礼貌|冇礼貌|讲粗口|说脏话|一个推一个|推来推去|要你们[^,，。!?？]{0,4}(干嘛|干啥|何用)|什么意思[^,，。!?？]{0,4}(我是|消费者)|态度什么|烦不烦|拉稀摆带|打不通|服务[^,，。!?？]{0,6}差|差到爆|噶差|跑了(两|三|四|几|好几|\d)趟|不给修|谁负责|谁来负责|(划|弄|碰|磕|搞)(坏|花|伤)了?(我家|我的)|把我家[^,，。!?？]{0,6}(划|弄坏|碰坏|搞坏|弄脏)|消保委|极为不满|非常不满|很不满|强烈不满|书面答复|(你们|你)(得|要|必须)赔|赔我|收了[^,，。!?？]{0,8}(啥也没|什么也没|没修好|也没修)|修完(才|没)[^,，。!?？]{0,6}又|修的(啥|什么)|tousu`)
	cueComplaintStrong = knowledge.MustGate(`(^|[^0-9])(12315|315)([^0-9]|$)|消协|消费者协会|黑猫|投诉|头诉|曝光|媒体|记者|举报|工商|市场监管|维权|律师|起诉|法院`)
	cueCorrection      = knowledge.MustGate(`不对|错了|错啦|错咯|错啰|错嘞|勿对|唔啱|唔对|^(不好意思|抱歉|对不起)[,，。 ]*(是|应该是|其实是)|说错|讲错|搞错|选错|选成|写错|打错|记错|弄错|整错|整岔|填错|输错|有误|更正|纠正|改一下|改成|改为|换成|换一个|换个号|应该是|应为|其实是|准确(的)?说|不准确|写成|少了一位|多了一位|少打|多打|(最后|后|末)(一|两|二|三|四|五|几|\d)位(数|号码|数字)?(是|应该是|改成|改为|为|该是)\d|尾(号|数)(是|应该是|改成|改为|该是)\d|唔系|不是[^,，。!?？]{1,8}(是|而是)|^[哦噢啊呃额哎唉]*不是[,，。]?(而)?是|(^|[^还就可但要老总倒真硬像算只都也])是[^,，。!?？]{1,20}不是|刚才(那个|说的)?不对|(复制|发|抄|拍|看)(的|成)?是?(我家|家里)?(另一台|另外一台|别的|另一个)|这台(才)?是[a-z0-9]`)
	cueSmallTalk       = knowledge.MustGate(`吃(了|饭了?)(吗|没|么)|饮咗茶|天气|下雨|下雪|好大的雨|好热|好冷|热死了|冷死了|好累|上班|周几|放假|哈哈|呵呵|hhh|嘿嘿|lol|😂|🤣|你好可爱|你叫什么|你几岁|多大了|在干嘛|干嘛呢|无聊|讲个笑话|笑话|唱歌|你真棒|你好厉害|(^|[^0-9])666+($|[^0-9])|你好聪明|你是男的|你是女的|单身|对象|周末愉快|新年快乐|节日快乐|好吃|涨价|头像|国足|世界杯|奥运|巴适|等下哈|我家狗|我家猫`)
	cueQuestion        = knowledge.MustGate(`吗|么$|嘛|呢|\?|多少|(^|[^没不])(多久|多长时间)|(^|[^这前好没十过头那近,，])几(百|千|块|天|点|号|个|年|时|度)|怎么|咋|如何|为什么|为啥|是否|能不能|可不可以|可以不|会不会|要不要|有没有|是不是|贵不贵|收不收|管不管|保不保|行不行|修不修|来不来|好不好|啥|什么|哪|(不|没|否|冇|未|伐|咩|㗎|嘛|吖)$|(能|会|可以|行|要|得|用|吃|喝)[^,，。!?？]{0,3}不(啊|呀|哦|呢|嘞|哇|撒|噻)$|有[^,，。!?？]{0,6}无$|码$|算不算|几多|系咪|是否|喺唔喺|系唔系|算唔算|正唔正常|有冇|有没得|几耐|几久|使唔使|要唔要|得唔得|管修不管|保修不保|(机器人|自动回复|ai)吧`)
	// cuePartReplaced tells a part someone already replaced: "那根软管…给换了", "师傅把电机换了".
	cuePartReplaced = knowledge.MustGate(`(软管|管子|气管|水管|零件|配件|电池|电机|马达|主板|阀门|阀|线|插头|滤芯|灯管|灯泡|皮带|密封圈|门封|压缩机|板子|屏幕|屏)[^。!?？]{0,10}(给|帮我|都|已经)?(换|更换)(了|掉了|好了|过了)|(师傅|工人|燃气公司|物业|他们|人家|维修的)[^。!?？]{0,24}(换|更换)(了|掉了|好了|过了)`)
	// cueReturnWords ask for the product itself back or anew, whatever else was replaced.
	cueReturnWords = knowledge.MustGate(`退|换新|换货|换一台|换台|换个新|换新机|换机|换一个`)
	// cueTradeIn is a sales offer for a new product against the old one ("以旧换新", "国补"), no
	// 三包 return: a question for the sales channel.
	cueTradeIn = knowledge.MustGate(`以旧换新|旧换新|以旧换|旧机回收|回收旧|旧的回收|折价换|换新补贴|补贴换新|国补|国家补贴|家电补贴|旧机抵`)
	// cueAnotherOne brings in a second thing before a "never mind" about it: "还有个电水壶也不太热
	// 算了", "仲有个…算啦".
	cueAnotherOne = knowledge.MustGate(`(还有|仲有|另外|另外还有|顺便说下)(个|一个|只|台|部|那个|嗰个)`)
	// cuePartNew asks for a new part, not a new product: "这个电池换新的要花钱不", "屏幕换个新的多少钱".
	cuePartNew = knowledge.MustGate(`(电池|电瓶|屏幕|屏|主板|压缩机|滤芯|滤网|配件|零件|电机|马达|遥控器|充电器|充电线|插头|门封|皮带|键盘|外壳|后盖|镜头|喇叭|风扇|灯管|内胆|发热盘|加热管|水泵|滚刷|刷子|轮子|刹车|轮胎)[^,，。?？]{0,3}换(个|一个|块|根|只|条|一块)?新(的)?`)
	// cueFamilyBuys is someone at home who buys the new one: "我儿子说给我换个新的".
	cueFamilyBuys = knowledge.MustGate(`(儿子|女儿|闺女|老公|老婆|媳妇|孩子|家里人|家人|朋友|老伴|孙子|孙女)[^,，。!?？]{0,3}(给我|帮我|给俺)?(再|重新)?(买|换)`)
	// cueAsksExchange asks the brand for a return or a new one, not to go and buy one: "我要换
	// 新的 不修了", "给我换一台", "不修了 直接退货" (against "懒得弄了 直接换新的").
	cueAsksExchange = knowledge.MustGate(`(要|想|想要|申请|要求|得给|应该)(退货|退款|退掉|退机|退了|换货|换新|换一台|换个新|换台新|换新机|换机|换一个新|换一部)|(给|帮)(我|俺|偶)?(退|换)(掉|货|款|一|个|台|部|新)|(能不能|可不可以|能|可以)(退|换)(吗|嘛|么|不|伐|$)|退货|换货|包退|包换|退款|七天无理由|7天无理由`)
	// cueReturn asks to return or exchange the product, the customer's 三包 rights.
	cueReturn = knowledge.MustGate(`怎么退|咋退|如何退|退得掉|能不能退|可不可以退|退吗|能退|可以退|退不退|退得了|给退|能换吗|可以换吗|能不能换|给换|退货|退款|退掉|退了吧|退机|退回去|要退|想退|换新|换一台|换台新|换个新|换新机|换机|换货|退换|无理由|包退|包换|直接换|(能|可以|能不能|可不可以|给我|帮我|给)换(一个|一台|一部|个新|台新|部新|新的)`)
	// cueFaultQuestion are questions that are really fault reports: "空调不制冷怎么办".
	cueFaultQuestion = knowledge.MustGate(`怎么办|咋办|咋整|咋弄|怎么弄|怎么回事|咋回事|什么情况|啥情况|什么原因|啥原因|为什么|为啥|怎么解决|如何解决|咋解决|能修吗|能修好吗|还能修吗|修得好吗|怎么报修`)
)

// questionTopicIndex lists the question topics' cues under the runes they need.
var questionTopicIndex = func() *knowledge.CueIndex {
	gs := make([]*knowledge.Gated, len(questionTopics))
	for i, q := range questionTopics {
		gs[i] = q.re
	}
	return knowledge.NewCueIndex(gs)
}()

// questionTopics map cues to the topic of a question, checked in order.
var questionTopics = []struct {
	topic string
	re    *knowledge.Gated
}{
	{TopicWhereModel, knowledge.MustGate(`(型號|序列號|序號|編號|型号|序列号|序号|编号|铭牌|小牌子|标签|貼紙|贴纸)[^,，。!]{0,6}(在哪|哪里|哪儿|邊度|边度|喺边|喺邊|哪裡|什么地方)|(哪|哪里|哪儿)[^,，。!]{0,6}(找|看|查)[^,，。!]{0,4}(型号|序列号|编号|铭牌|序号)|(型号|序列号|序号|sn|s/n|铭牌|条码|条形码|机身码|imei|编号|串号|机号)[^,，。!]{0,3}是?在[^,，。!]{0,8}(还是|上吗|上面吗|哪)|(型号|序列号|序号|sn|s/n|铭牌|条码|条形码|机身码|imei|编号|串号|机号)[^,，。!]{0,6}(在哪|哪里|哪儿|怎么看|咋看|怎么找|咋找|怎么查|咋查|看不到|找不到|在什么地方|什么位置|哪个位置)|(在哪|哪里|怎么|上哪|去哪|哪嘎达|啥地方|什么地方)[^,，。!]{0,2}(看|找|查|瞅)[^,，。!]{0,4}(型号|序列号|sn|铭牌|编号)|说明书上(的|那个)?(吗|嘛|么|是吧)|(型号|序列号|sn|铭牌|编号)[^,，。!]{0,4}(搁哪|喺边|边度|哪瞅|咋瞅|哪睇|点睇|上哪|去哪|哪看|哪找)|(哪里|哪儿|哪)[^,，。!]{0,4}(写着?|标着?|印着?)[^,，。!]{0,4}(型号|序列号|sn)|(型号|序列号|sn|铭牌|编号|串号|imei)[^,，。!]{0,6}(里|上)?(找|看|查)(吗|嘛|么|得到吗|得到不)`)},
	{TopicBotOrHuman, knowledge.MustGate(`是真人|是不是真人|真人吗|真人码|真人伐|真人还是|还是真人|还是机器|有真人|是人不|人还是机|机械人|机器人(吗|吧|么|嘛|嚟|伐)|是机器|人工智能|是ai|ai(吗|还是)|自动回复(吗|的)|是人吗|是人工(吗|嘛|么|吧|不|还是)|是不是人工|是人还是|是不是人|你是谁|谁在回|人在回|活人吗|是人是|真的人|真人在|自动回复`)},
	{TopicPrice, knowledge.MustGate(`多少钱|很多钱|要钱多|钱多不多|费钱|几多钱|几多|几钿|多少钿|多少米|多少银子|好多钱|几个?钱|几百|几千|几块|收费|收不收|要钱|花钱|费用|价格|价钱|价位|贵不贵|贵吗|很贵嘛|很贵吗|是不是很贵|会不会很贵|贵嘛|一大笔钱|乱收费|报价|维修费|上门费|检测费|手工费|人工费|材料费|零件费|怎么收|花多少|得多少|大概多少|要多少|不要钱|收钱|出钱|掏钱|付钱|给钱|自费|自己出|自掏腰包|花不花钱|要不要钱`)},
	{TopicWarranty, knowledge.MustGate(`还管(不管|吗|么|嘛|不)|还认(吗|不|么|嘛)|认不认|保固|保养期|保用|保修|在保|过保|保内|保外|质保|三包|免费|延保|包修|保吗|还保|出保|保不保|管不管修|管修|保几年|保多久|bx期|发票`)},
	{TopicCoverage, knowledge.MustGate(cueArea + `|有没有得(修|整|搞)|有得(修|整)(吗|嘛|么|冇|没|不)|(你们|你家|这里|这边)[^,，。!?？]{0,3}(能|会|可以|管|给)?修[^,，。!?？]{0,8}(吗|嘛|不|么|没)|(能|会|可以)修[^,，。!?？]{0,4}(这个|这种|这类)?[^,，。!?？]{0,6}(吗|嘛|么)$|修不修[^,，。!?？]{0,6}$|管不管修|(修|管)(哪些|什么|啥)(东西|产品|电器|牌子)?|都修(哪些|什么|啥)|你们(也)?管(吗|嘛|么|不)$|收不收[^,，。!?？]{0,4}修|接不接|(你们|你家|这边)?[^,，。!?？]{0,8}也(能|会|可以|给|管)?修(吗|嘛|么|不)|` + cueScope)},
	{TopicKeepUsing, knowledge.MustGate(`还能(不能)?(继续|接着|照常|先|凑合){0,2}(开着|插着|用着)?(用|开|充|插|烧|做饭|煮饭|洗澡|洗衣服|使|开着|插着|充电|接着用)(吗|嘛|么|不|伐|没|啊|呀|$|[,?])|能不能(继续|接着|照常|先|凑合){0,2}(用|开着|插着|充电|做饭|洗澡|使)|能(继续|接着|照常|凑合)(用|开|充|插|使)|(可以|能)(继续|接着|照常|先)?(插着|开着|充着|用着)(充电|用|吗|嘛|不|$)|要不要(先)?(拔|断电|关掉|停用|关机|拔掉|拔插头|关电)|要不要(先)?把[^,?]{0,5}(拔|断|关)|(用|拔|断电|关)不(用|要)(先)?(拔|断电|关)|先(拔|断电|关|停)(掉|了)?(插头|电源|电)?(吗|嘛|么|不|伐|$|[,?])|还敢用|还可以用|(照常|凑合|先)用(着)?(吗|嘛|行不|行吗|没事吧|可以吗)|继续用(吗|会不会|有没有|行不|没事)|` + cueMeanwhile)},
	{TopicIsNormal, knowledge.MustGate(`正常吗|正常吧|正常的吧|没问题吧|这样(对|是对的|行|可以)(吗|嘛|么|不)|这(个|种)?(情况|样子?)(对|正常)(吗|嘛|么|不)|正常不|正常么|正常嘛|是正常|正不正常|正常现象|算正常|要紧吗|要不要紧|要紧(伐|哇|哦|不|么|嘛|吧)|紧唔紧要|紧要(吗|唔|冇)|有冇问题|有冇事|有事吗|没事吧|有影响吗|影响使用吗|会坏吗|是不是坏了|是坏了吗|有问题吗`)},
	{TopicHours, knowledge.MustGate(`几点上班|几点下班|上班时间|下班时间|工作时间|营业时间|服务时间|(周末|过年|春节|国庆|五一|节假日|晚上|半夜|夜里|夜间|晚间|凌晨|中午|明天|今天)[^,，。!?？]{0,6}(上班|有人|人工|休息|上门|营业|放假)|节假日|几点开始|几点有人|几点前|什么时候上班|啥时候上班|人工[^,，。!?？]{0,4}几点|几点到几点|几点[^,，。!?？]{0,2}(打电话|打过来|联系|来电|回电)|上班不|几点(能)?转人工|什么时候(能)?转人工|24小时|下班|几点关门|(周[日六末天]|礼拜[天日六]|星期[天日六])(有没有)?[^,，。!?？]{0,4}(上门|有人|上班|营业|来)`)},
	{TopicDuration, knowledge.MustGate(`几时(可以|能|会)?(来|嚟|到|上门|整|修)|几耐|几久|几多日|几时有人|(^|[^没不])(多久|多长时间)|(^|[^前这那好过近头没,])几天([^前了,]|$)|要等|几号能|什么时候能|啥时候能|什么时候(来|上门|修|到|过来|派人)|啥时候(来|上门|修|到|过来|派人)|(啥子|啥个|什么|啥|几)(时候|时间|辰光|点钟?)[^,，。!?？]{0,3}(来|嚟|上门|过来|到|派人|能来|可以来)|哪阵(来|过来|上门)|(什么|啥)时候[^,，。!?？]{0,2}lai|今天能|明天能|能不能(今天|明天|尽快)|` +
		`(能不能|可不可以|可以|能|能否)?(早|快)(点|些|一点|一些|一哈|滴)[^,，。!?？]{0,2}(来|到|上门|过来|派|安排)|早(点|些)(吧|啊|嘛)?[^,，。!?？]{0,2}(别|不要)等|(今天|明天|后天|今晚|马上|这周|周末)(能|可以|会)?(来|上门|过来)(吗|不|嘛|么|修)|尽快|快点|多快|几点(钟)?(能|可以|会)?(来|到|上门|过来)|(要|得|需要|修)[^,，。!?？]{0,2}几个(小时|钟头|钟)`)},
	{TopicPrepare, knowledge.MustGate(`(准备|备好|带上?)[^,，。!?？]{0,3}(什么|啥|哪些|些什么|点什么)|(需要|要|得)[^,，。!?？]{0,2}(什么|啥|哪些)[^,，。!?？]{0,2}(资料|材料|证件|东西|凭证|手续)|要不要[^,，。!?？]{0,3}(发票|凭证|包装|盒子)`)},
	{TopicService, knowledge.MustGate(`有没有(人|师傅|工程师)?(上门|嚟|来)|(要不要|用不用|需不需要|需要|会)上门|(送|寄|拿|搬)(到)?哪(里|儿)?(修|去)?|哪里可以修|在哪(里|儿)?修|(要|需要|得|用|是)[^,，。!?？]{0,4}(我)?(拿过去|拿去|送过去|送去|寄过去|寄回|寄修|送修|搬过去|拉过去|到店|去店里|去网点|去售后)|(上门|拿过去|送过去|寄过去|送修|寄修)[^,，。!?？]{0,4}(吗|嘛|么|还是|不)|(还是|是)[^,，。!?？]{0,3}(上门|来家里)|(要|得|需要)[^,，。!?？]{0,3}(有人)?在家|去哪(里|儿)?修|(维修点|网点|售后点|服务点)[^,，。!?？]{0,4}(在哪|哪里|哪儿|地址)|(附近|最近)[^,，。!?？]{0,4}(维修点|网点|售后|服务点)`)},
}

// cueMeanwhile asks what the customer may do while the product waits for its repair, part
// of the keep-using topic: eat or drink what it made ("这水还能喝吗", "米饭还能吃吗", "啲水仲饮唔
// 饮得"), wash ("那这几天能洗澡吗", "今晚咋洗澡"), get the washing out of a locked washer ("衣服
// 咋拿出来", "我能自己弄出来不"), run an air conditioner whose remote is lost ("遥控器找不到了 能
// 开空调吗"). Editors' FAQ entries answer them; see answerTopic for the fallback. "饭都不能吃"
// tells, it does not ask.
const cueMeanwhile = `(^|[^不没])(还|仍然)?(能|可以|可不可以)(直接|继续|照常|先)?(喝|饮|吃|直饮|食)(吗|嘛|么|不|伐|啊|呀|$|[,?])|能不能(直接|继续|先)?(喝|饮|吃|直饮)|(饮|食)(唔|不)(饮|食)得|(饮|食)得(唔得|过|吗)|` +
	`能(洗澡|冲凉)(吗|嘛|么|不|伐|啊|$|[,?])|(咋|怎么|怎样|点)(样)?(洗澡|冲凉)|(洗澡|冲凉)(怎么办|咋办|咋整|点算)|` +
	`(衣服|衫|被子|床单)[^,?]{0,4}(咋|怎么|怎样|如何|点)[^,?]{0,3}(拿|取|弄|攞)出|(拿|取|弄|攞)(出来|出嚟)(吗|嘛|么|不|伐|$|[,?])|` +
	`遥控(器)?[^,?]{0,6}(找不到|找不着|丢|不见|没了|坏|唔见|冇咗|揾唔到|搵唔到)[^?]{0,10}(开|用)`

// cueScope asks whom the service is for, a brand or a product: "你们是雅迪的售后吗", "你们管不管
// 充电器", "这个归你们管吗", "你们是不是格力官方的". Part of the coverage topic.
// cueArea asks whether the service reaches where the customer is: "你们大理这边有没有维修点",
// "额在宝鸡乡下 你们能上门不", "农村也上门吗". Part of the coverage topic.
const cueArea = `(这边|这里|那边|我们这|我这|我们那|当地|本地|乡下|农村|村里|镇上|县城|县里|山区|山里|偏远|海岛|岛上)[^,，。!?？]{0,6}(有没有|有冇|有无|有)[^,，。!?？]{0,3}(维修点|网点|售后点|服务点|售后网点|维修站|师傅)|` +
	`(乡下|农村|村里|镇上|县城|县里|山区|山里|偏远|海岛|岛上|这么远)[^,，。!?？]{0,10}(上门|来修|能来|来不来|修不修|管不管|到不到|去不去|能到)`

var askedArea = knowledge.MustGate(cueArea)

// cueWorthRepair asks whether a repair is worth it beside buying new: "是不是不值得修了",
// "还值得修吗", "修还划算吗", "有没有必要修".
var cueWorthRepair = knowledge.MustGate(`(是不是|是否|会不会)[^,，。!?？]{0,4}(不值得|不划算|没必要)|(值不值得|值得|划不划算|划算|有没有必要|有必要)[^,，。!?？]{0,3}修[^,，。!?？]{0,6}(吗|嘛|么|不|没|呢|[?？])|(值不值得|划不划算|有没有必要)修|修(还|的话)?(值得|划算|划得来)(吗|嘛|么|不|[?？])|修还是换|换新还是修|修划算还是`)

const cueScope = `(你们|你家|这里|这边|你|贵公司)(到底|究竟|真的)?(是|系)(不是|唔系)?[^,，。!?？]{1,8}(官方|售后|客服|厂家|维修点|服务商|服务中心)|` +
	`(你们|你家|这里|这边)[^,，。!?？]{0,2}(管不管|负不负责|修不修|接不接|包不包)[^,，。!?？]{1,8}|归你们管|你们(也)?(管|负责)[^,，。!?？]{1,8}(吗|嘛|么|不)$`

// askedClause is a clause ending in a question particle, followed by another clause:
// "这个还在保修期内不 去年三月份买的", "修好了没 我等着用呢".
var askedClause = knowledge.MustFilter(`(吗|嘛|么|[^说]呢|伐|咩|[^不没]不|了没有?|否)[ ,，。]+([^ ,，。])`)

// markAsked puts a question mark after a clause that asks, so that the words after it do
// not hide the question once the message is compacted.
func markAsked(canon string) string {
	if !strings.ContainsAny(canon, " ,，。") {
		return canon
	}
	return askedClause.ReplaceAllString(canon, "$1?$2")
}

// ActText is the form of a message the act cues and the act model read: compact, with a
// question mark after each clause that asks.
func ActText(canon string) string { return compact(markAsked(canon)) }

// readActs finds the dialogue acts of an understood message, strongest first; t is the
// message's ActText.
func readActs(u *Understanding, ctx Context, t string) []Act {
	core := strings.Trim(t, clauseBreaks+" .!?~…")
	var acts []Act
	add := func(k ActKind, conf float64, ev string) {
		acts = append(acts, Act{Kind: k, Confidence: conf, Evidence: ev})
	}
	found := func(re *knowledge.Gated) string { return re.FindString(t) }
	if len(u.Hazards) > 0 || u.Suspect != "" {
		ctx.Safety = true // "插排泡水了 要不要拔插头": the hazard's advice answers
	}
	topic, topicEv := questionTopic(t, ctx)
	if topic == "" {
		if ev := cuePriceCondition.FindString(t); ev != "" {
			topic, topicEv = TopicPrice, ev // "要是收费的话就算了": the price decides; it is asked
		}
	}
	rest := readRest(t, ctx.Lexicon)
	cmd := ParseCommand(u.Canon)

	switch {
	case cmd == CmdHuman:
		add(ActHandoff, 1, core)
	case ctx.State == StateSelf && u.Answer == knowledge.AnswerHuman && (zeroChoice.MatchString(core) || strings.Contains(t, "人工")):
		add(ActHandoff, 1, core)
	case (ctx.State == StateNew || ctx.State == StateDone) && zeroChoice.MatchString(core):
		add(ActHandoff, 0.9, core) // "0" where nothing else is numbered: the usual 0 转人工
	case ctx.State == StateCollect && (ctx.Asking == SlotCategory || ctx.Asking == SlotBrand) && zeroChoice.MatchString(core):
		// "0" at the menu of products or brands, numbered from 1: no product, no brand, but the
		// 0 the bot's other menus offer ("想直接找客服回复 0")
		add(ActHandoff, 0.9, core)
	default:
		if ev := found(cueHandoff); ev != "" && !isBotQuestion(t) && topic != TopicHours {
			add(ActHandoff, 0.9, ev)
		}
	}
	if ev := found(cueComplaint); ev != "" && !cueNoComplaint.MatchString(t) {
		conf := 0.7
		if cueComplaintStrong.MatchString(t) {
			conf = 0.95
		}
		add(ActComplaint, conf, ev)
	}
	if ev := found(cueReturn); ev != "" && !(cuePartReplaced.MatchString(t) && !cueReturnWords.MatchString(t)) && !cueTradeIn.MatchString(t) && !cuePartNew.MatchString(t) {
		// ("软管老化漏气，给换了": a part someone replaced, no return asked)
		add(ActReturn, 0.85, ev)
	}
	worth := cueWorthRepair.MatchString(t) // "是不是不值得修了 买新的才200多" asks, it does not give up
	if worth {
		add(ActQuestion, 0.85, t)
		acts[len(acts)-1].Topic = TopicPrice
	}
	busy := ctx.State.inProgress() || ctx.State == StateResume
	cat, changed := changedProduct(u, ctx)
	switched := changed && busy && (cueCorrection.MatchString(t) || deniesOther(t, ctx)) && !cueContactFix.MatchString(t)
	if ev := found(cueCancel); ev != "" && !worth && !switched && !negatedCancel(t, ev) && !cueResumeCase.MatchString(t) && !(cueNeverMindGoOn.MatchString(t) && !cueClearCancel.MatchString(t)) && !neverMindBye(t, ev) {
		// ("算了 洗碗机先不管 家里净水器漏水了 先搞那个" sets one product aside for another)
		// ("算了 不修了 反正也能用" withdraws the repair; "算了 反正是前几年买的" goes on)
		add(ActCancel, 0.85, ev)
	} else if cmd == CmdCancel {
		add(ActCancel, 1, core)
	} else if ctx.State != StateSelf && ctx.HasTicket && !ctx.State.inProgress() && fixedNow(u.Canon) && u.Facts.Category == "" && topic == "" {
		add(ActCancel, 0.8, core) // "没事了 重启一下就好了" while waiting: the fault is gone
	} else if ctx.State == StateSelf && !worth && knowledge.GivesUp(u.Canon) && !cueAsksBrand.MatchString(t) {
		add(ActCancel, 0.85, core) // "懒得弄了 直接换新的": the customer walks away from the checks
	}
	if slices.ContainsFunc(acts, func(a Act) bool { return a.Kind == ActReturn }) {
		// "退货运费谁出": a return asked about is a right, no complaint by its word alone (a
		// complaint the act model guesses later is weighed in faqQuestion)
		acts = slices.DeleteFunc(acts, func(a Act) bool {
			return a.Kind == ActComplaint && a.Confidence < 0.95 && (a.Evidence == "退货" || a.Evidence == "退款")
		})
	}
	asksExchange := cueAsksExchange.MatchString(t) && !cueTradeIn.MatchString(t) && !cueFamilyBuys.MatchString(t)
	if ctx.State == StateSelf && knowledge.GivesUp(u.Canon) && !cueAsksBrand.MatchString(t) && !asksExchange {
		acts = slices.DeleteFunc(acts, func(a Act) bool { return a.Kind == ActReturn }) // buys one, asks none
	}
	if ev := cueRatherNew.FindString(t); ev != "" && ctx.State.inProgress() && ctx.State != StateVisit && !ctx.HasTicket && !worth && !asksExchange {
		// "几百块？那还不如换个新的", "修它干嘛 还不如买个新的" at any question of the form: the
		// customer will buy one and drops the repair; no exchange is asked of the brand
		acts = slices.DeleteFunc(acts, func(a Act) bool { return a.Kind == ActReturn })
		if !slices.ContainsFunc(acts, func(a Act) bool { return a.Kind == ActCancel }) {
			add(ActCancel, 0.85, ev)
		}
	}
	if asksExchange && slices.ContainsFunc(acts, func(a Act) bool { return a.Kind == ActReturn }) {
		// "我要换新的 不修了": a return or an exchange instead of the repair, asked of the
		// brand; nothing is cancelled
		acts = slices.DeleteFunc(acts, func(a Act) bool { return a.Kind == ActCancel })
	}
	if switched {
		acts = append(acts, Act{Kind: ActChangeProduct, Confidence: 0.85, Evidence: cat})
	} else if ev := found(cueCorrection); ev != "" && !strings.HasSuffix(ev, "是不是") && ctx.State != StateNew && (ctx.State != StateDone || ctx.HasTicket && cueFiledCorrection.MatchString(t) && u.Facts.Category == "") &&
		!(ctx.State == StateSelf && u.Answer != knowledge.AnswerUnclear) {
		add(ActCorrection, 0.8, ev)
	}
	if ctx.State == StateSelf {
		switch u.Answer {
		case knowledge.AnswerSolved:
			if topic != "" && topic != TopicOther {
				break // "修好要多少钱" asks a price; it does not say the fault is gone
			}
			add(ActSolved, 0.9, core)
		case knowledge.AnswerNotSolved:
			add(ActNotSolved, 0.9, core)
		}
	}
	progress := found(cueProgress)
	if progress != "" && (cueWhereWere.MatchString(t) || strings.Contains(t, "等"+progress)) {
		progress = "" // "刚才说到哪了", "等师傅电话": where the chat was, or waiting as told
	}
	// "上个礼拜报修的油烟机 到现在没人联系我": a ticket the customer filed before, asked after
	ticketRef := cueTicketRef.FindString(t)
	if cueTicketHypothetical.MatchString(t) {
		ticketRef = "" // "报修的话要多久": asking how it would go, not after a ticket
	}
	if ticketRef != "" && progress == "" {
		progress = cueTicketAsk.FindString(t)
	}
	// "我的单子到哪了嘛", "配件到了没": a ticket named, or a question about one with no fault in it
	ofTicket := progress != "" && !strings.Contains(t, "一般") && !strings.Contains(t, "通常") && !strings.Contains(t, "平时") &&
		(cueTicket.MatchString(t) || u.Facts.Symptom == "" && u.Facts.Category == "" && !ctx.State.inProgress() &&
			!strings.Contains(t, "多久") && !strings.Contains(t, "多长时间"))
	if progress == "" && ctx.HasTicket && (topic == TopicDuration || topic == TopicOther ||
		topic == "" && cueQuestion.MatchString(t)) {
		progress = cueVisit.FindString(t) // "今天下午能来吗", "啥时候上门啊" once a visit is booked
	}
	if progress != "" && (ctx.HasTicket || ofTicket) && (topic == TopicDuration || topic == TopicOther) {
		topic = "" // asked of the ticket: its status answers it
	}
	if topic != "" && !(topic == TopicOther && (cueSmallTalk.MatchString(t) || rest.greeting)) {
		acts = append(acts, Act{Kind: ActQuestion, Topic: topic, Confidence: 0.8, Evidence: topicEv})
		// "多少钱 多久能修好 要不要上门": every question asked is answered, not only the first
		for _, more := range moreTopics(u.Canon, ctx, topic) {
			acts = append(acts, Act{Kind: ActQuestion, Topic: more, Confidence: 0.75})
		}
	}
	if progress != "" && ticketRef != "" && topic != TopicWarranty && topic != TopicPrice {
		add(ActProgress, 0.9, ticketRef+progress)
	} else if progress != "" && ctx.HasTicket && u.Facts.Symptom == "" && u.Facts.ErrorCode == "" && topic == "" {
		add(ActProgress, 0.9, progress) // "我的空调什么时候来修" once its ticket is filed: no new case
	} else if progress != "" && (ctx.HasTicket || topic != TopicDuration) {
		add(ActProgress, 0.8, progress)
	}
	if ev := found(cueGoodbye); ev != "" {
		add(ActGoodbye, 0.85, ev)
	}
	switch {
	case rest.greeting && !rest.thanks && rest.empty(), rest.polite && rest.empty() && ctx.State == StateNew:
		add(ActGreeting, 0.9, core) // ("sorry打扰一下🙏" opens with courtesy, it thanks for nothing)
	case rest.thanks && rest.empty() && !cueNotGood.MatchString(t) && cueThanksSign.MatchString(t):
		add(ActThanks, 0.9, core) // "谢谢小哥哥": thanks, whoever it is addressed to ("还 不好" is none)
	case rest.address && rest.empty() && !rest.vague && !rest.product && !strings.ContainsAny(t, "?？"):
		add(ActGreeting, 0.8, core)
	case rest.thanks && cueThanksSign.MatchString(t) && (ctx.State == StateDone || ctx.State == StateHuman) && topic == "" &&
		u.Facts.Category == "" && u.Facts.ErrorCode == "" && !cueNewFault.MatchString(t):
		add(ActThanks, 0.7, core) // "谢谢啊 师傅辛苦了 火速解决": thanks with words around it
	}
	noFacts := u.Facts.Symptom == "" && u.Facts.Category == "" && u.Facts.ErrorCode == "" && u.Facts.Model == ""
	if ev := found(cueSmallTalk); ev != "" && noFacts && !rest.greeting {
		add(ActSmallTalk, 0.7, ev)
	}
	switch {
	case ctx.State == StateSelf && u.Answer == knowledge.AnswerUnclear && (cueLater.MatchString(t) || knowledge.Unsure(u.Canon)):
		add(ActVague, 0.8, core) // "晚上回去再试": not tried yet; "说不好 再用几天看": not sure yet
	case rest.vague && rest.empty() && u.Facts.ErrorCode == "":
		add(ActVague, 0.8, core)
	case u.Facts.Symptom != "" || u.Facts.ErrorCode != "":
		add(ActReport, 0.7, u.Facts.Symptom)
	case (u.Facts.Category != "" || ctx.Asking == SlotSymptom) && hanCount(rest.text) >= 3 && topic == "" && !cuePraise.MatchString(t):
		add(ActReport, 0.5, rest.text) // a fault in words no list knows: "热水器出水忽冷忽热"
	case topic != "" && topic != TopicIsNormal && topic != TopicOther && (u.Facts.Category != "" && (ctx.State == StateNew || ctx.State == StateDone) || ctx.Asking == SlotSymptom):
		// "洗的时候咣当咣当的 修一下多少钱": the fault told beside the question is a report too
		if told := readRest(compact(statedPart(u.Canon)), ctx.Lexicon); hanCount(told.text) >= 3 && !told.vague && !cuePraise.MatchString(told.text) &&
			!cueUpkeep.MatchString(told.text) { // "空调该清洗了": upkeep due, no fault
			add(ActReport, 0.5, told.text)
		}
	}
	chatty := ctx.State == StateNew || ctx.State == StateDone || ctx.State == StateHuman
	if len(acts) == 0 && noFacts && chatty && rest.text != "" && !strings.ContainsAny(t, "0123456789") &&
		knowledge.ParseAnswer(u.Canon) == knowledge.AnswerUnclear {
		add(ActSmallTalk, 0.4, core) // nothing about a fault, asked nothing: chat
	}
	return acts
}

// statedPart is the message less its clauses that ask a question: what the customer tells.
func statedPart(canon string) string {
	var kept []string
	for _, clause := range strings.FieldsFunc(canon, func(r rune) bool { return r == ' ' || strings.ContainsRune(clauseBreaks, r) }) {
		if topic, _ := questionTopic(compact(clause), Context{}); topic == "" {
			kept = append(kept, clause)
		}
	}
	return strings.Join(kept, " ")
}

// cueRatherNew would rather buy a new one than have it repaired: "还不如换个新的", "干脆买台新的".
var cueRatherNew = knowledge.MustGate(`(还不如|不如|倒不如|干脆)(直接|自己|再)?(去)?(买|换)(个|台|一个|一台|部|只)?新(的|机)?`)

// cueAsksBrand asks the brand for something ("给我换个新的", "能不能换新的"): a request, not
// a customer walking away.
var cueAsksBrand = knowledge.MustGate(`给我|帮我|你们|能不能|能否|可不可以|可以.{0,4}吗|行不行|[吗嘛么]|\?`)

// cueNewFault is a fault told after a ticket: "还有个问题", "又坏了".
var cueNewFault = knowledge.MustGate(`还有(个|一个)?问题|又(坏|不|出|漏|响|停)|还是不|没修好|不行了|坏了`)

// cueTicket names a ticket already filed.
var cueTicket = knowledge.MustGate(`单子|工单|单号|报修单|维修单|订单|wx\d{8,}|报(的|了)修|报过修|之前报|上次报|上回报|那单|我的单|` + reportedLongAgo)

// reportedLongAgo tells a repair reported a while ago: "报修辰光老早了", "报修好几天了".
const reportedLongAgo = `报修[^,，。!?？]{0,3}(老早|好久|很久|早就|好几天|几天了|半天了)`

// cueTicketRef names a repair the customer already reported: "上个礼拜报修的", "前天报了修".
var cueTicketRef = knowledge.MustGate(reportedLongAgo + `|报修(的|了|过|咗)|报了修|报咗修|报的修|报过修|(上个?|这个?)(礼拜|周|星期|月)[^,，。!?？]{0,3}报|(前天|昨天|前几天|上次|上回|之前|那天|早上|上午|下午|大前天|\d+号)[^,，。!?？]{0,3}报(的|了|过)|已经报(了|过)`)

// cueTicketHypothetical asks how reporting would go: "报修的话", "如果报修了".
var cueTicketHypothetical = knowledge.MustGate(`的话|如果|要是|假如|想报|怎么报|要报|能报|可以报|在哪报|哪里报|如何报`)

// cueTicketAsk asks after a reported repair: "现在什么情况", "到现在没人联系".
var cueTicketAsk = knowledge.MustGate(`(什么|啥|咩)情况|怎么样|咋样|如何了|到哪|没人|还没|怎么还|咋还|多久|啥时候|什么时候|几时|有消息|没消息|没动静|没回音|没信|没来|不来|没联系|没打电话`)

// cueLater are replies to a self-service check that has not been tried yet: the customer
// will try later, must ask someone, or is thinking it over.
var cueLater = knowledge.MustGate(`等我[^,，。!?？]{0,4}(试|弄|看|搞|整)|(明早|明天|明晚|早上|晚上|回头|改天|下午)再说|不敢(开机)?试|没法试|试不了|停电|我去(找找|看看|瞅瞅|查查)|还没(试|弄|做|来得及|顾上|动)|(晚上|晚点|晚些|等会|待会|一会|回头|明天|下班|周末|改天|过会)儿?[^,，。!?？]{0,4}再(试|弄|看|搞|整|检查|操作)|(回去|回家|到家)(以后|后)?再|不在家|(问问|问一下|问下)(我|家里|老公|老婆|孩子|儿子|女儿|爸|妈|物业)|寻思|琢磨|考虑一下|想一想|先不试|等我(回|下班|有空)|现在没空|没时间试|在上班|在外面`)

// cueVisit are words of the visit or the engineer, which make a question asked once a
// ticket exists a question about that ticket.
var cueVisit = knowledge.MustGate(`(啥|什么|几)(时候|点)(来|到|上门|过来)|师傅|工程师|上门|过来|(能|会|可以)来|(^|[^下起出进回拿取掉])来(吗|嘛|不|没|么)|几点|上午|下午|晚上|明天|今天|后天|派单|派人|电话`)

// zeroChoice is the reply choosing 0 ("转人工") from a step's options: "0", "０", "零", "我选0", "回复0".
var zeroChoice = knowledge.MustGate(`^我?(选|回复?|按|输入?)?(0|零)$`)

// isBotQuestion reports "你们是真人吗": a question about the bot, not a request.
func isBotQuestion(t string) bool {
	return strings.Contains(t, "真人吗") || strings.Contains(t, "是人吗") || strings.Contains(t, "是不是真人") ||
		strings.Contains(t, "是机器人") || strings.Contains(t, "是不是机器人") || strings.Contains(t, "人工智能")
}

// cueNeverMindGoOn is "never mind" about a detail, then going on: "算了 确认吧", "算了 就这样提交",
// "算了记不清 反正是前几年买的", "算了 型号找不到".
var cueNeverMindGoOn = knowledge.MustGate(`(算了|不管了|无所谓)[^,?]{0,4}(确认|提交|就这样(提交|吧)?|继续|报修吧|修吧|登记吧)|` +
	`(算了|算啦)[^,?]{0,5}(记不清|记不住|不记得|记不得|忘了|忘记了|想不起|不知道|不清楚|找不到|找不着|看不到|看不清|反正|大概|大约|应该是|就写|你就写|就填|随便写)`)

// cueNoComplaint says the customer is not complaining: "我没投诉啊", "不是投诉", "不想投诉".
var cueNoComplaint = knowledge.MustGate(`(没|没有|不是|不是要|不想|不要|不用|不会|并没有|又没)(在|说|要)?(投诉|举报|曝光|打12315)`)

// negatedCancel spots cues that look like a cancel but are not: "不用了" in "不用了解",
// "撤销" of something else is still a cancel; "不修了吗" asks.
func negatedCancel(t, ev string) bool {
	if cueConditional.MatchString(t[:strings.Index(t, ev)]) {
		return true // "超过三百我就不修了", "要是要钱的话就算了": a condition, not a decision
	}
	if locs := cueAnotherOne.FindAllStringSubmatchIndex(t, 1); len(locs) > 0 && locs[0][0] < strings.Index(t, ev) {
		return true // "仲有个电水壶都唔系几热 不过嗰个平嘢 算啦": the other one is let go, not this case
	}
	i := strings.Index(t, ev)
	for _, neg := range []string{"不", "唔", "勿", "伐", "冇"} {
		if rest, ok := strings.CutPrefix(ev, neg); ok && rest != "" && strings.HasSuffix(t[:i], firstRune(rest)) {
			return true // "要不要上门", "修不修", "仲修唔修得": asked, A-not-A
		}
	}
	after := t[i+len(ev):]
	return strings.HasPrefix(after, "解") || strings.HasPrefix(after, "吗") || strings.HasPrefix(after, "么") ||
		strings.HasPrefix(after, "?")
}

// neverMindBye is "算了/算啦" on the way out or while waiting, with no word that withdraws the
// request: "咁算啦 唔该晒 拜拜", "算了等人工吧 谢谢" end the chat or wait on, they cancel nothing
// (a filed hazard ticket was cancelled by them).
func neverMindBye(t, ev string) bool {
	if !strings.Contains(ev, "算") || cueClearCancel.MatchString(t) {
		return false
	}
	return cueGoodbye.MatchString(t) || cueThanksWord.MatchString(t) || cueWaitOn.MatchString(t)
}

// cueThanksWord thanks, in any of the ways customers write it.
var cueThanksWord = knowledge.MustGate(`谢谢|多谢|谢了|感谢|唔该|thx|thanks|thank`)

// cueThanksSign is a word that thanks or acknowledges: a reply the learned model reads as
// thanks must hold one ("好的 辛苦了", "收到👍", "蟹蟹"); talk of the weather or lunch holds none.
var cueThanksSign = knowledge.MustGate(`谢|感谢|感恩|感激|辛苦|麻烦(你|您|了|啦|晒)|有劳|费心|唔该|thx|thank|tks|3q|3ks|蟹蟹|xiexie|阿里嘎多|好的|好嘞|好滴|好哒|好吧|得嘞|收到|知道了|知道啦|晓得|明白|了解|懂了|ok|okk|okay|嗯|要得|行吧|行的|中中|爱了|帮大忙|帮了大忙|耐心|等着|等你们|👍|🙏|❤|服务(真|很|挺)好|^(好|行|中|妥|成)+[啊呀哦喔啦嘞咯~!！。.]*$`)

// cueWaitOn is waiting on for a person: "等人工吧", "那我等客服".
var cueWaitOn = knowledge.MustGate(`等(人工|客服|师傅|工程师|电话|消息|通知|你们)|转人工|找人工`)

// cueConditional opens a condition before a cancel: "超过三百我就不修了", "要是收费的话就算了",
// "太贵就不修了", "修不好再说".
var cueConditional = knowledge.MustFilter(`(如果|要是|假如|假设|万一|若是|超过|超出|高于|多于|太贵|贵的话|收费的话|要钱的话|的话)[^,，。!！]{0,10}(我|那|那我)?(就|便)?$`)

// cuePriceCondition makes going on depend on the price: "要是收费的话就算了", "超过三百就不修了".
var cuePriceCondition = knowledge.MustFilter(`(收费|要钱|花钱|付钱|自费|太贵|贵的话|超过[0-9一二三四五六七八九十两百千块元]+)[^,，。]{0,6}(就|那|我就|那就)?(算了|不修了|不修|不弄了|不要了|不用了|换新的)`)

// asks is what makes a message a question when no topic is recognised: a question mark,
// 吗/嘛, or a final 么 ("什么" alone asks nothing of us).
var asks = knowledge.MustGate(`[?？吗嘛伐咩㗎]|我(是|就是|只是)?(想)?问(你|您|一下|下|的是)?[^,?]{0,2}(能不能|可不可以|会不会|要不要|行不行|可以不)|[^什怎这那多]么$|(不|没|冇|未)$|算不算|几多|系咪|怎么[^都也样回办弄]|如何|咋[^都也办整弄]|多久|哪里|哪儿|在哪|到哪|哪种|哪个|哪款|几号|要不要|用什么|拿什么|买什么|选什么|几度|多少度|调多少`)

// sichuanPrice is Sichuanese 好多钱 (= 多少钱) asking a price: "修一哈好多钱", "上门修好多钱";
// "花了好多钱" tells an amount spent.
var sichuanPrice = knowledge.MustFilter(`(^|[^了花费赔亏])好多钱`)

// questionTopic names what a message asks, or "" when it asks nothing the bot should
// answer. A fault told as a question ("不制冷怎么办") is a report, not a question.
func questionTopic(t string, ctx Context) (topic, evidence string) {
	may := questionTopicIndex.Candidates(t)
	for i, q := range questionTopics {
		if !may.Has(i) {
			continue // none of the runes the cue needs
		}
		if q.topic == TopicKeepUsing && ctx.Safety {
			continue // a hazard's own advice tells whether and how it may be used
		}
		if ev := q.re.FindString(t); ev != "" {
			if q.topic == TopicDuration && ev == "要等" && !cueQuestion.MatchString(t) {
				continue // "再开又开不开要等好半天" tells how the fault goes, it does not ask
			}
			if q.topic == TopicDuration && maintenanceInterval.MatchString(t) {
				continue // "滤网多久洗一次": how often to do upkeep, not how soon someone comes
			}
			if q.topic == TopicDuration && ctx.HasTicket && !strings.Contains(t, "多久") && !strings.Contains(t, "多长时间") {
				continue // once there is a ticket, "什么时候来" asks for progress
			}
			if q.topic == TopicHours && !cueQuestion.MatchString(t) && !strings.Contains(ev, "几点") {
				continue // "下班回家再弄" tells when, it does not ask
			}
			if q.topic == TopicBotOrHuman && !cueQuestion.MatchString(t) && !strings.Contains(t, "还是") && !cantoneseOr.MatchString(t) {
				continue // "找真人" asks for one, it does not ask whether we are one
			}
			if q.topic == TopicPrice && daysAsked.MatchString(t) {
				continue // "寄过去修要多少天咯": how long, not how much
			}
			if (q.topic == TopicWarranty || q.topic == TopicPrice) && !cueQuestion.MatchString(t) && !tagQuestion(t) && !strings.Contains(t, "怕") &&
				!sichuanPrice.MatchString(t) && !strings.Contains(ev, "多少") && !strings.Contains(ev, "几") && !strings.Contains(t, "多久") && !strings.Contains(t, "多长") &&
				!altAsked.MatchString(t) {
				continue // "延保买了两年" tells, it does not ask
			}
			return q.topic, ev
		}
	}
	if cueGoodbye.MatchString(t) {
		t = notAsked.ReplaceAllString(t, "")
	}
	if cueQuestion.MatchString(t) && !cueFaultQuestion.MatchString(t) && asks.MatchString(t) && !strings.HasSuffix(t, "的嘛") &&
		!bareNo.MatchString(t) &&
		!strings.Contains(t, "是不是") && !strings.Contains(t, "有没有") {
		return TopicOther, ""
	}
	return "", ""
}

// altAsked is an alternative question, "A还是B" between two amounts or choices: "保修是一年还是两年啊",
// "是免费还是收费", "半年还是一年". "还是不行" tells, it does not ask.
var altAsked = knowledge.MustFilter(`(一|两|二|三|几|半|\d)(年|个月|月|天)还是(一|两|二|三|几|半|\d)|是[^,，。!?？还]{1,6}还是[^,，。!?？不没]{1,6}`)

// notAsked are particles of a leave-taking that ask nothing: Minnan 按呢 ("like this": "好啦 先按
// 呢 再会"), "就这样嘛 拜拜" (Sichuan), "那就这样呗".
var notAsked = knowledge.MustFilter(`按呢\??|(这样|这么着|酱|咁)(嘛|呗|哈)\??`)

// bareNo is a plain "no" or "none" and nothing else: "没", "冇啊" (canon 没啊), "无", "没有哦". It
// answers the question asked; its final 没 asks nothing.
var bareNo = knowledge.MustFilter(`^(没|没有|无|否|不|未|没得|莫得|呒没)[啊呀哦喔啦嘞咯喇噢诶~.。!！]*$`)

// daysAsked asks how many days or hours, a duration: "要多少天", "多少个小时".
var daysAsked = knowledge.MustFilter(`多少(天|个?月|个?小时|分钟|周|个?星期|个?礼拜)`)

// maintenanceInterval asks how often upkeep is due: "多久洗一次", "多长时间换一回".
var maintenanceInterval = knowledge.MustFilter(`(多久|多长时间|多少天|几个月|多少个月)[^,?]{0,4}(一次|一回|一遍)`)

// moreTopics are the named topics a message asks besides first, in order, at most two: each
// in a clause of its own.
func moreTopics(canon string, ctx Context, first string) []string {
	clauses := strings.FieldsFunc(canon, func(r rune) bool { return r == ' ' || strings.ContainsRune(clauseBreaks, r) })
	if len(clauses) < 2 {
		return nil
	}
	var out []string
	for _, clause := range clauses {
		topic, _ := questionTopic(compact(clause)+"?", ctx)
		if topic == "" || topic == TopicOther || topic == first || slices.Contains(out, topic) {
			continue
		}
		if out = append(out, topic); len(out) == 2 {
			break
		}
	}
	return out
}

// tagQuestion reports a statement turned into a question by "吧" at its end: "还在保修期内吧？".
func tagQuestion(t string) bool {
	return strings.HasSuffix(strings.TrimRight(t, "?？~!.。 "), "吧") || aNotA(t)
}

// aNotA reports the A-not-A question of Chinese: "要钱不要钱", "收不收", "保不保", "有没有".
func aNotA(t string) bool {
	r := []rune(t)
	for i := 1; i < len(r)-1; i++ {
		if r[i] != '不' && r[i] != '没' {
			continue
		}
		for n := 1; n <= 2 && i-n >= 0 && i+n < len(r); n++ {
			if string(r[i-n:i]) == string(r[i+1:i+1+n]) && unicode.Is(unicode.Han, r[i-1]) && r[i-1] != '不' && r[i-1] != '没' {
				return true
			}
		}
	}
	return false
}

// rest is what remains of a message once the words of greetings, thanks, vague faults,
// products, brands and fillers are read away, and which of those it held.
type rest struct {
	text                    string // the words no list knows, in order
	greeting, thanks, vague bool
	address                 bool // only a way of addressing us: "你", "小哥哥", "客服"
	polite                  bool // a word of courtesy before asking: "不好意思", "冒昧问下"
	product                 bool
}

func (r rest) empty() bool { return runes(r.text) <= 1 }

type restWord uint8

const (
	restFiller restWord = iota + 1
	restGreeting
	restThanks
	restVague
	restAddress
	restPolite
)

// politeOpeners are the words of courtesy a customer opens with before asking or telling.
var politeOpeners = []string{"不好意思", "真不好意思", "太不好意思了", "好意思", "唔好意思", "打扰您了", "打扰你了", "打扰您", "打扰你",
	"打扰啦", "打扰下", "打扰晒", "打搅", "打搅一下", "打搅了", "打搅您了", "打搅你了", "打搅下", "冒昧", "冒昧问下", "冒昧问一下",
	"冒昧请问", "冒昧打扰", "麻烦问一下", "麻烦问下", "麻烦问问", "麻烦请问", "请问一下", "请问下", "想问一下", "想问下", "我想问一下",
	"我想问下", "问一下", "问下", "劳驾", "劳驾问一下", "劳驾问下", "借问一下", "借问下", "请教一下", "想请教一下", "请教",
	"sorry", "sry", "对不起打扰了", "抱歉打扰", "抱歉打扰了", "唔该问下", "唔该问一下", "请问您", "请问你", "麻烦您", "麻烦你",
	"歹势", "拍谢", "借问", "问哈", "麻烦问哈", "打扰哈", "打扰一哈", "叨扰", "叨扰了", "唔该借问"}

// restWords are the words readRest reads away.
var restWords = func() *phraseSet[restWord] {
	p := &phraseSet[restWord]{}
	for _, w := range []string{"你好", "您好", "恁好", "你们好", "在吗", "在么", "在麻", "在嘛", "在不在", "在不", "在线吗", "在线么", "在",
		"hello", "hi", "hey", "哈喽", "嗨", "有人吗", "有人在吗", "有人么", "喂", "亲", "早", "早上好", "上午好", "中午好", "下午好",
		"晚上好", "早安", "请问", "哈罗", "嗨喽", "hallo", "有人没", "有人在不", "早啊",
		"nihao", "在线", "在线不", "你好你好", "喂喂", "在没", "在否", "侬好", "雷猴", "你好呀", "您好呀", "你好啊", "打扰了", "打扰一下", "打扰", "早晨", "哈咯", "嗨咯", "喂喂喂", "大家好", "老板好", "亲在吗", "哈喽哈喽",
		"有人不", "nh", "请问是售后吗", "是售后吗", "喂你好请问是售后吗", "是客服吗", "老师好", "客服好", "师傅好", "亲好", "小姐姐好", "小哥哥好", "同志你好", "同志好", "在不在啊"} {
		p.add(w, restGreeting)
	}
	// politeness before asking, in any dialect: "您好，打扰您了，真不好意思", "麻烦问一下", "冒昧问下",
	// "唔好意思 打扰下", "劳驾问一下", "sorry打扰一下🙏": a greeting, never small talk
	for _, w := range politeOpeners {
		p.add(w, restPolite)
	}
	for _, w := range []string{"客服", "小姐姐", "小哥哥", "老师", "您", "你", "亲", "同志", "客服同志", "恁", "侬", "你哋", "你们", "小姑娘", "姑娘", "师傅"} {
		p.add(w, restAddress)
	}
	for _, w := range []string{"谢谢", "谢啦", "谢了", "多谢", "感谢", "3q", "thx", "thanks", "thank you", "辛苦了", "辛苦", "麻烦了",
		"麻烦你们了", "麻烦你了", "好的", "好滴", "好嘞", "好哒", "好", "ok", "okk", "okay", "嗯", "嗯嗯", "嗯呐", "知道了", "了解", "收到",
		"明白", "明白了", "行", "行吧", "👍", "🙏", "要得", "唔该", "多谢晒", "服务真好", "服务很好", "我等着", "等着", "等你们",
		"我去试试", "试试", "谢", "感恩", "感谢感谢", "太感谢", "非常感谢", "谢谢您", "谢谢亲", "辛苦啦", "麻烦啦", "thank", "3ks", "tks",
		"ty", "您嘞", "谢谢你们", "好的呢", "好哒", "嗯嗯好的", "晓得了", "知道啦", "懂了", "ok的", "中谢谢", "中中", "得嘞", "谢谢侬", "多谢你", "唔该晒", "谢谢恁", "谢谢你的帮助", "感谢您的耐心解答", "耐心解答", "解答", "耐心", "帮助", "费心了", "费心", "有劳", "谢咯", "谢喽", "阿里嘎多", "蟹蟹", "xiexie", "帮了大忙", "帮大忙了", "thxalot", "thanksalot", "okthx", "okthanks", "thxa", "thxs", "thankyousomuch", "爱了", "爱了爱了", "thankyou", "thanku", "感激", "谢谢啊", "多谢嗮"} {
		p.add(w, restThanks)
	}
	for _, w := range []string{"坏了", "坏掉了", "坏啦", "坏咗", "坏", "出问题了", "出问题", "有问题", "有点问题", "出毛病了", "出毛病", "有毛病",
		"毛病", "不好用了", "不好用", "用不了了", "用不了", "不能用了", "不能用", "不行了", "不工作了", "不工作", "故障", "出故障了",
		"出故障", "有故障", "罢工了", "罢工", "歇菜了", "挂了", "gg了", "gg", "不灵了", "不好使了", "不对劲", "不太对劲", "不正常",
		"不太正常", "不对", "说不上来", "报修", "维修", "修一下", "修理", "要修", "需要修", "想修", "来修", "修", "出状况", "怪怪的",
		"不太灵", "用不成", "整不了", "不得行", "坏掉", "废了", "瘫了", "趴窝", "歇了", "不好了", "出事了", "不对头", "问题", "有点毛病",
		"不好使", "失灵了", "罢工啦", "出问题啦", "坏咯", "嗝屁了", "挂掉了", "不中用了", "完蛋了", "故障了", "坏脱了", "坏脱", "抽风了", "抽风", "寄了", "拉胯", "掉链子", "出岔子", "不听使唤", "就坏了", "又坏了", "坏特了", "烂了", "烂咗", "唔work", "冇反应", "不灵光",
		"不中了", "不中", "没有用了", "没用了", "不太对", "不得劲", "说不清", "说不清楚", "讲不清", "说不上", "不对劲儿", "没法用了", "没法用"} {
		p.add(w, restVague)
	}
	for _, w := range []string{"我的", "我家的", "我家", "家里的", "家里", "这个", "那个", "这台", "那台", "我们家的", "我们家", "部", "台",
		"的", "了", "啊", "呀", "咯", "哦", "嘛", "吧", "呢", "啦", "哈", "嘞", "哟", "麻烦", "帮忙", "帮我", "你们", "给", "看看",
		"看一下", "来", "一下", "怎么办", "咋办", "咋整", "怎么弄", "咋弄", "怎么", "想", "要", "请", "我", "就是", "就", "有点",
		"东西", "机器", "设备", "电器", "过来", "上门", "快", "点", "吗", "么", "还", "都", "也", "又", "是", "和", "跟",
		"其实", "主要", "应该", "好像", "感觉", "突然", "今天", "昨天", "最近", "对了", "另外", "还有", "咋回事", "怎么回事",
		"咋了", "怎么了", "一下子", "不知道", "为啥", "能", "吧", "咱家", "俺家", "用着用着", "用了", "一直", "老是", "总是", "反正", "新买的", "刚买的", "才买的", "没多久", "没几天", "阿拉", "屋里", "屋头", "老铁", "兄弟", "哥们", "大哥", "大姐", "美女", "帅哥", "您的", "你的", "非常", "真的", "太", "很",
		"大冷天的", "大热天的", "这么晚了", "玩意儿", "玩意", "那玩意儿", "帮我爸", "帮我妈", "我爸", "我妈", "他家", "她家", "我也", "帮", "报"} {
		p.add(w, restFiller)
	}
	p.sort()
	return p
}()

// readRest reads a compact message word by word.
func readRest(t string, lx *Lexicon) rest {
	var r rest
	var b strings.Builder
	for i := 0; i < len(t); {
		if w, end, ok := restWords.at(t, i); ok {
			switch w {
			case restGreeting:
				r.greeting = true
			case restThanks:
				r.thanks = true
			case restVague:
				r.vague = true
			case restAddress:
				r.address = true
			case restPolite:
				r.greeting, r.polite = true, true
			}
			i = end
			continue
		}
		if lx != nil {
			if _, end, ok := lx.catWords.at(t, i); ok {
				r.product, i = true, end
				continue
			}
			if _, end, ok := lx.brandWords.at(t, i); ok {
				i = end
				continue
			}
		}
		if _, end, ok := setOtherProducts.at(t, i); ok {
			r.product, i = true, end
			continue
		}
		rn, size := utf8.DecodeRuneInString(t[i:])
		if !isClauseBreak(rn) && !unicode.IsPunct(rn) && !unicode.IsSymbol(rn) && !unicode.IsSpace(rn) && rn < 0x1F000 {
			b.WriteString(t[i : i+size])
		}
		i += size
	}
	r.text = b.String()
	return r
}

// changedProduct reports a product category named in the message that differs from the
// case's: the customer speaks of another product.
func changedProduct(u *Understanding, ctx Context) (string, bool) {
	if ctx.Category == "" {
		return "", false
	}
	for _, cat := range mentionedCategories(compact(u.Canon), ctx.Lexicon) {
		if cat != ctx.Category {
			return cat, true
		}
	}
	if u.Facts.Category == OtherCategory && ctx.Category != OtherCategory {
		return OtherCategory, true
	}
	return "", false
}

// deniesOther reports words that set the case's product aside ("空调没事", "不是空调") or
// point at another one ("其实是", "主要是", "换个", "是冰箱坏了").
func deniesOther(t string, ctx Context) bool {
	if ctx.Lexicon != nil {
		for i := 0; i < len(t); i += runeLen(t, i) {
			ci, end, ok := ctx.Lexicon.catWords.at(t, i)
			if ok && ctx.Lexicon.categories[ci].id == ctx.Category && deniedProduct(t, i, end) {
				return true
			}
		}
	}
	return cueOtherProduct.MatchString(t)
}

// cueNotGood says a fault is not better: "还 不好", "好像好了点又好像没好"; its 好 thanks nobody.
var cueNotGood = knowledge.MustGate(`不好|没好|没有好|还没|不太好|不怎么好|又不行|又坏`)

var cueOtherProduct = knowledge.MustGate(`先说|先搞|先弄|先处理|先修|更急|比较急|先管|先看看|其实|主要是|选成|选错|点错|按错|选的是|换个|先报|是另|另一|另外一|不是这个|搞错|说错|弄错|整岔|搞混|改成|改报|换成|报错了|是[^,，。!?？]{1,8}(坏了|坏咗|出问题|有问题|有毛病|不行|不灵)`)

// cantoneseOr is Cantonese "定" between two choices: "你系机械人定真人啊" (robot or person?).
var cantoneseOr = knowledge.MustGate(`(机械人|机器人|机器|ai|人工)定(真人|人|机器|机械人)|(真人|人)定(机械人|机器人|机器|ai)`)
