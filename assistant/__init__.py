"""Question answering over Chinese municipal standing-meeting minutes (市政府常务会议纪要)."""
