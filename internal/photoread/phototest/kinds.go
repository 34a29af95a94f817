package phototest

import (
	"image"
	"image/color"

	"github.com/makiuchi-d/gozxing"
	"golang.org/x/image/font/sfnt"
)

var (
	black = color.Black
	grey  = color.RGBA{90, 90, 90, 255}
	red   = color.RGBA{0xe2, 0x23, 0x1a, 255}
	white = color.White
)

// SerialSticker is a white sticker: the serial as a Code 128 barcode with its text below.
func SerialSticker(f *sfnt.Font, serial string) image.Image {
	c := NewCanvas(f, 1000, 260, white)
	c.Text(40, 44, 28, black, "S/N")
	if err := c.Code(40, 60, 920, 130, gozxing.BarcodeFormat_CODE_128, serial); err != nil {
		panic(err)
	}
	c.Text(200, 236, 30, black, serial)
	return c
}

// QRSticker is a sticker with a QR code carrying text.
func QRSticker(f *sfnt.Font, text string) image.Image {
	c := NewCanvas(f, 420, 470, white)
	if err := c.Code(30, 30, 360, 360, gozxing.BarcodeFormat_QR_CODE, text); err != nil {
		panic(err)
	}
	c.Text(40, 440, 26, black, "扫码查询产品信息")
	return c
}

// DataMatrixSticker is a small sticker with a DataMatrix code carrying text.
func DataMatrixSticker(f *sfnt.Font, text string) image.Image {
	c := NewCanvas(f, 360, 360, white)
	if err := c.Code(40, 40, 280, 280, gozxing.BarcodeFormat_DATA_MATRIX, text); err != nil {
		panic(err)
	}
	return c
}

// BoxLabel is the retail EAN-13 on a box.
func BoxLabel(f *sfnt.Font, ean string) image.Image {
	c := NewCanvas(f, 520, 260, white)
	if err := c.Code(30, 30, 460, 160, gozxing.BarcodeFormat_EAN_13, ean); err != nil {
		panic(err)
	}
	c.Text(120, 235, 28, black, ean)
	return c
}

// Nameplate is an air conditioner's printed nameplate.
func Nameplate(f *sfnt.Font, brand, model, made string) image.Image {
	c := NewCanvas(f, 760, 560, color.RGBA{236, 236, 230, 255})
	c.Text(40, 70, 40, black, brand+" 分体挂壁式空调器")
	rows := []string{
		"型号：" + model,
		"额定电压：220V~  额定频率：50Hz",
		"制冷量：3500W  制热量：5000W",
		"额定功率：1050W  防触电保护类别：I类",
		"出厂日期：" + made,
		"制造商：" + brand + "集团股份有限公司",
	}
	for i, r := range rows {
		c.Text(40, 150+i*64, 32, black, r)
	}
	return c
}

// JDOrder is a screenshot of a JD order's detail page.
func JDOrder(f *sfnt.Font, product, bought string) image.Image {
	c := NewCanvas(f, 720, 1100, color.RGBA{245, 245, 245, 255})
	c.Fill(image.Rect(0, 0, 720, 110), red)
	c.Text(40, 72, 40, white, "京东  订单详情")
	c.Fill(image.Rect(20, 140, 700, 420), white)
	c.Text(40, 200, 30, black, "已完成")
	c.Text(40, 260, 26, grey, "感谢您在京东购物，欢迎再次光临")
	c.Fill(image.Rect(20, 450, 700, 650), white)
	c.Text(40, 510, 26, black, product)
	c.Text(40, 560, 26, grey, "数量：1")
	c.Text(40, 610, 28, red, "实付款 ¥2699.00")
	c.Fill(image.Rect(20, 680, 700, 1000), white)
	rows := []string{"订单编号：312345678901", "下单时间：" + bought, "付款方式：在线支付", "配送方式：京东快递"}
	for i, r := range rows {
		c.Text(40, 740+i*60, 28, black, r)
	}
	return c
}

// Invoice is an electronic invoice's upper part.
func Invoice(f *sfnt.Font, seller, date string) image.Image {
	c := NewCanvas(f, 900, 520, color.RGBA{252, 250, 240, 255})
	c.Text(250, 70, 40, color.RGBA{150, 60, 40, 255}, "电子发票（普通发票）")
	rows := []string{"发票号码：25112000000012345678", "开票日期：" + date, "购买方名称：张三", "销售方名称：" + seller, "价税合计（小写）¥2699.00"}
	for i, r := range rows {
		c.Text(40, 150+i*66, 30, black, r)
	}
	return c
}

// Scenery is a photo with nothing to read.
func Scenery(f *sfnt.Font) image.Image {
	c := NewCanvas(f, 640, 480, color.RGBA{120, 170, 220, 255})
	c.Fill(image.Rect(0, 300, 640, 480), color.RGBA{70, 130, 60, 255})
	c.Fill(image.Rect(420, 60, 500, 140), color.RGBA{250, 220, 90, 255})
	return c
}
